namespace EventSync.Storage.LiteDb.Documents;

// An AlertWindow as stored: state "open" while it collects alerts, "sending" once claimed (token and lease set).
internal sealed class AlertWindowDocument
{
    public const string Open = "open";
    public const string Sending = "sending";

    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    // Indexed together with the tenant: the open window of a tenant; with the due instant: the windows to send.
    public string State { get; set; } = Open;

    public long OpenedAtUtcTicks { get; set; }

    public long ClosesAtUtcTicks { get; set; }

    public string? Token { get; set; }

    public long? LeaseUntilUtcTicks { get; set; }

    public long Total { get; set; }

    public Dictionary<string, long> CountsByErrorType { get; set; } = new(StringComparer.Ordinal);

    public List<AlertEntryDocument> Entries { get; set; } = [];
}

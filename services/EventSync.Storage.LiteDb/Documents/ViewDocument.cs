namespace EventSync.Storage.LiteDb.Documents;

// An AffectedRecordsView as stored: its filter flattened, instants as UTC ticks.
internal sealed class ViewDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string? ErrorType { get; set; }

    public string? Category { get; set; }

    public string? State { get; set; }

    public string? ObjectType { get; set; }

    public long? SeenFromUtcTicks { get; set; }

    public long? SeenToUtcTicks { get; set; }

    public string? Text { get; set; }

    public string? Fingerprint { get; set; }

    public long CreatedAtUtcTicks { get; set; }

    // Indexed: expired views are deleted by range.
    public long ExpiresAtUtcTicks { get; set; }
}

using EventSync.Core.Notifications;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>An <see cref="AlertWindow"/> in <c>alert_windows</c>: <c>open</c> while it collects alerts, <c>sending</c> once claimed.</summary>
internal sealed class AlertWindowDocument
{
    public const string Open = "open";
    public const string Sending = "sending";

    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string State { get; set; } = Open;

    public DateTimeOffset OpenedAt { get; set; }

    public DateTimeOffset ClosesAt { get; set; }

    public string? Token { get; set; }

    public DateTimeOffset? LeaseUntil { get; set; }

    public long Total { get; set; }

    public Dictionary<string, long> CountsByErrorType { get; set; } = new(StringComparer.Ordinal);

    public List<AlertEntryDocument> Entries { get; set; } = [];

    public AlertWindow ToWindow() =>
        new(Id, TenantId, OpenedAt, ClosesAt, Total, CountsByErrorType.ToDictionary(c => ErrorTypeFieldName.Decode(c.Key), c => c.Value, StringComparer.Ordinal), [.. Entries.Select(e => e.ToEntry())]);
}

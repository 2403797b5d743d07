using EventSync.Core.Audit;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>
/// An <see cref="AuditEntry"/> in <c>audit_entries</c>; its JSON values as JSON text (their keys are not field names
/// of ours). The TTL index on <see cref="At"/> removes it once the retention has passed.
/// </summary>
internal sealed class AuditEntryDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public string Principal { get; set; } = "";

    public string Action { get; set; } = "";

    public string? Subject { get; set; }

    public string? Before { get; set; }

    public string? After { get; set; }

    public static AuditEntryDocument From(AuditEntry entry) => new()
    {
        Id = entry.Id,
        TenantId = entry.TenantId,
        At = entry.At,
        Principal = entry.Principal,
        Action = entry.Action,
        Subject = AuditJson.ToText(entry.Subject),
        Before = AuditJson.ToText(entry.Before),
        After = AuditJson.ToText(entry.After),
    };

    public AuditEntry ToEntry() =>
        new(Id, TenantId, At, Principal, Action, AuditJson.FromText(Subject), AuditJson.FromText(Before), AuditJson.FromText(After));
}

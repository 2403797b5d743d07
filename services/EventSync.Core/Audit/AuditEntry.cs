using System.Text.Json;

namespace EventSync.Core.Audit;

/// <summary>
/// One change in a tenant's audit trail: who (<see cref="Principal"/>, the API key's name) did what
/// (<see cref="Action"/>, one of <see cref="AuditActions"/>) when, what it touched (<see cref="Subject"/>: ids, counts) and
/// the values before and after, where they exist. The JSON values never hold secrets.
/// </summary>
public sealed record AuditEntry(
    string Id,
    string TenantId,
    DateTimeOffset At,
    string Principal,
    string Action,
    JsonElement? Subject,
    JsonElement? Before,
    JsonElement? After)
{
    /// <summary>A new entry with an id that sorts by time (a version 7 GUID), so that entries of one instant keep an order.</summary>
    public static AuditEntry Create(
        string tenantId, DateTimeOffset at, string principal, string action, JsonElement? subject, JsonElement? before, JsonElement? after) =>
        new(Guid.CreateVersion7(at).ToString("N"), tenantId, at, principal, action, subject, before, after);
}

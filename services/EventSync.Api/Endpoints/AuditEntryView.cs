using System.Text.Json;
using EventSync.Core.Audit;

namespace EventSync.Api.Endpoints;

/// <summary>
/// One entry of the audit trail: who (<see cref="Principal"/>, the key's name), when, which action, what it touched
/// (<see cref="Subject"/>) and the values before and after; each JSON value is JSON null where there is none (typed as
/// plain JSON values, so that the document's schema lets null match once).
/// </summary>
internal sealed record AuditEntryView(string Id, DateTimeOffset At, string Principal, string Action, JsonElement Subject, JsonElement Before, JsonElement After)
{
    private static readonly JsonElement Null = JsonSerializer.SerializeToElement<object?>(null);

    public static AuditEntryView Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new(entry.Id, entry.At, entry.Principal, entry.Action, entry.Subject ?? Null, entry.Before ?? Null, entry.After ?? Null);
    }
}

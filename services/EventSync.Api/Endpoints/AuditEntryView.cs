using System.Text.Json;

namespace EventSync.Api.Endpoints;

/// <summary>
/// One entry of the audit trail: who (<see cref="Principal"/>, the key's name), when, which action, what it touched
/// (<see cref="Subject"/>) and the values before and after (null where there is none).
/// </summary>
internal sealed record AuditEntryView(string Id, DateTimeOffset At, string Principal, string Action, JsonElement? Subject, JsonElement? Before, JsonElement? After);

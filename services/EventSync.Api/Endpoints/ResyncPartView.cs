namespace EventSync.Api.Endpoints;

/// <summary>
/// One record of a resync request: its state (queued, deferred, sent, completed, failed), when a deferred one is expected
/// to go (null: waits for a lower usage report, see <see cref="Reason"/>), and when it went and finished.
/// </summary>
internal sealed record ResyncPartView(
    string ObjectType,
    string? HubSpotId,
    string? SalesforceId,
    string? EngineId,
    IReadOnlyList<string> ErrorIds,
    string State,
    DateTimeOffset? ExpectedAt,
    DateTimeOffset? SentAt,
    DateTimeOffset? CompletedAt,
    string? Reason);

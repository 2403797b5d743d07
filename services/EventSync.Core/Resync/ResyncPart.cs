namespace EventSync.Core.Resync;

/// <summary>
/// One record of a resync request: the errors of that record, the engine that owns it, and how far its resync got.
/// <see cref="ExpectedAt"/> is when a deferred part is expected to go out (null: not known, see <see cref="Reason"/>).
/// </summary>
public sealed record ResyncPart
{
    /// <summary>The part's place in its request (0, 1, ...): parts go out in this order.</summary>
    public required int Index { get; init; }

    /// <summary>The engine its errors name; null when none does (the worker then sends to its default engine).</summary>
    public string? EngineId { get; init; }

    public required string ObjectType { get; init; }

    public required string RecordKey { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    public string? Direction { get; init; }

    public required IReadOnlyList<string> ErrorIds { get; init; }

    public ResyncPartState State { get; init; }

    public DateTimeOffset? ExpectedAt { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    /// <summary>
    /// Claimed and handed to the broker, but its send not yet confirmed: the part is the outbox of its <c>ResyncRecord</c>.
    /// A worker that died between the claim and the confirm leaves it so, and the next dispatch after
    /// <see cref="SentAt"/> + the worker's <c>ResendUnconfirmedAfter</c> sends it again, with the same message id.
    /// </summary>
    public bool Unconfirmed { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? Reason { get; init; }
}

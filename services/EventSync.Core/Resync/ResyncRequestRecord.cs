using System.Text.Json.Serialization;

namespace EventSync.Core.Resync;

/// <summary>
/// A resync request as the store keeps it: who asked, when, and one <see cref="ResyncPart"/> per record.
/// <see cref="NotBefore"/> is when it may go out at the earliest (the request time, or later for an automatic retry
/// after its back-off); a tenant's parts go out in (<see cref="NotBefore"/>, <see cref="RequestId"/>, part index) order.
/// </summary>
public sealed record ResyncRequestRecord
{
    public required string RequestId { get; init; }

    public required string TenantId { get; init; }

    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    public ResyncKind Kind { get; init; }

    public required DateTimeOffset NotBefore { get; init; }

    public required IReadOnlyList<ResyncPart> Parts { get; init; }

    /// <summary>Error ids of the command left out because they were resolved by the time it was taken.</summary>
    public IReadOnlyList<string> SkippedErrorIds { get; init; } = [];

    /// <summary>Raised by every write: stores use it for optimistic concurrency.</summary>
    public long Version { get; init; }

    /// <summary>
    /// The request finished (its last part completed or failed) and that is not announced yet: the request's outbox. Set by
    /// the change that finishes it, cleared once the broker confirmed the announcement.
    /// </summary>
    public bool FinishUnannounced { get; init; }

    /// <summary>
    /// A part waits to go out, or went out without a confirmed send (see <see cref="ResyncPart.Unconfirmed"/>), or the finish
    /// waits to be announced: the dispatcher has something to do.
    /// </summary>
    [JsonIgnore]
    public bool IsWaiting => FinishUnannounced || Parts.Any(p => p.State.IsWaiting() || p.Unconfirmed);

    /// <summary>When the last part finished; null while any part waits or is out.</summary>
    [JsonIgnore]
    public DateTimeOffset? FinishedAt => Outcome == "in-progress" ? null : Parts.Max(p => p.CompletedAt) ?? RequestedAt;

    /// <summary>Completed when every part is completed; failed when none waits or is out and one failed.</summary>
    [JsonIgnore]
    public string Outcome =>
        Parts.Any(p => p.State.IsWaiting() || p.State == ResyncPartState.Sent) ? "in-progress"
        : Parts.Any(p => p.State == ResyncPartState.Failed) ? "failed"
        : "completed";
}

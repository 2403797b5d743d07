namespace EventSync.Contracts;

/// <summary>
/// Published by the resync worker once every part of a resync request finished: each record synced (completed) or failed
/// again. The notification worker tells the webhooks subscribed to <c>resync.completed</c>. At least once: the same request
/// may be announced again, always with the same message id.
/// </summary>
public sealed record ResyncRequestFinished
{
    public required string TenantId { get; init; }

    public required string RequestId { get; init; }

    /// <summary>Who asked: the API key's name, or <c>automatic</c> for the worker's own retries of transient failures.</summary>
    public required string RequestedBy { get; init; }

    public required DateTimeOffset RequestedAt { get; init; }

    /// <summary><c>completed</c> when every record synced; <c>failed</c> when at least one failed again.</summary>
    public required string Outcome { get; init; }

    /// <summary>How many records the request resynced.</summary>
    public int Records { get; init; }

    public int Completed { get; init; }

    public int Failed { get; init; }

    /// <summary>When the last record finished.</summary>
    public required DateTimeOffset FinishedAt { get; init; }
}

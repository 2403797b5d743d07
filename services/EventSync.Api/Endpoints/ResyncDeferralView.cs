namespace EventSync.Api.Endpoints;

/// <summary>
/// The deferred records of one <see cref="Reason"/>: how many, and when the first of them is expected to go (null when
/// one of them waits for something other than time, such as a lower usage report).
/// </summary>
internal sealed record ResyncDeferralView(string? Reason, int Records, DateTimeOffset? EarliestExpectedAt);

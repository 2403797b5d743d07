namespace EventSync.Notifications.Digests;

/// <summary>The period a digest covers: after <see cref="Start"/>, up to and including <see cref="End"/>.</summary>
internal sealed record DigestPeriod(DateTimeOffset Start, DateTimeOffset End);

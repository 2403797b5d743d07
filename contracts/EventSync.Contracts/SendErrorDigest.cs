namespace EventSync.Contracts;

/// <summary>Command: build and send the error digest of one tenant for one period.</summary>
public sealed record SendErrorDigest
{
    public required string TenantId { get; init; }

    public DigestFrequency Frequency { get; init; }

    public DateTimeOffset PeriodStart { get; init; }

    public DateTimeOffset PeriodEnd { get; init; }

    /// <summary>Send even when there is nothing to report (a test digest).</summary>
    public bool Force { get; init; }
}

namespace EventSync.Contracts;

/// <summary>Command: build and send the error digest of one tenant for one period.</summary>
public sealed record SendErrorDigest
{
    public required string TenantId { get; init; }

    public required DigestFrequency Frequency { get; init; }

    public required DateTimeOffset PeriodStart { get; init; }

    public required DateTimeOffset PeriodEnd { get; init; }

    /// <summary>Send even when there is nothing to report (a test digest).</summary>
    public bool Force { get; init; }
}

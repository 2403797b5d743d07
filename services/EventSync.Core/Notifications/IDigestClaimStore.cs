using EventSync.Contracts;

namespace EventSync.Core.Notifications;

/// <summary>Claims that send each digest once per (tenant, frequency, period start). Implementations pass the shared store contract tests.</summary>
public interface IDigestClaimStore
{
    /// <summary>
    /// Claims the period atomically: a new claim, or the caller's own (same token) again, or one whose lease ended
    /// before <paramref name="now"/> is taken (token and lease replaced); a sent period or another live claim is left alone.
    /// </summary>
    Task<DigestClaimOutcome> TryClaimDigestAsync(DigestClaim claim, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Marks the claim sent when <paramref name="token"/> still holds it; false when another sender took it over.</summary>
    Task<bool> MarkDigestSentAsync(
        string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, string token, DateTimeOffset sentAt, bool skipped, CancellationToken cancellationToken);

    Task<DigestClaim?> GetDigestClaimAsync(string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, CancellationToken cancellationToken);

    /// <summary>The sent claim of the tenant with the latest period end (any frequency); null before the first digest.</summary>
    Task<DigestClaim?> LastSentDigestAsync(string tenantId, CancellationToken cancellationToken);
}

using EventSync.Contracts;

namespace EventSync.Core.Notifications;

/// <summary>
/// The record that makes a digest go out once: one per (tenant, frequency, period start). A sender claims it with a
/// token and a lease before sending and marks it sent afterwards; a claim whose lease ran out may be taken over.
/// </summary>
public sealed record DigestClaim(
    string TenantId,
    DigestFrequency Frequency,
    DateTimeOffset PeriodStart,
    DateTimeOffset PeriodEnd,
    string Token,
    DateTimeOffset LeaseUntil)
{
    /// <summary>When the digest was sent (or found to have nothing to report); null while it is only claimed.</summary>
    public DateTimeOffset? SentAt { get; init; }

    /// <summary>True when the period had nothing to report and no email went out.</summary>
    public bool Skipped { get; init; }
}

using EventSync.Contracts;
using EventSync.Core.Notifications;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>A <see cref="DigestClaim"/> in <c>digest_claims</c>; <c>_id</c> = tenant|frequency|period start, unique by nature.</summary>
internal sealed class DigestClaimDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Frequency { get; set; } = "";

    public DateTimeOffset PeriodStart { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public string Token { get; set; } = "";

    public DateTimeOffset LeaseUntil { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public bool Skipped { get; set; }

    public static string IdOf(string tenantId, DigestFrequency frequency, DateTimeOffset periodStart) =>
        FormattableString.Invariant($"{tenantId}|{frequency}|{periodStart.UtcTicks}");

    public DigestClaim ToClaim() =>
        new(TenantId, Enum.Parse<DigestFrequency>(Frequency), PeriodStart, PeriodEnd, Token, LeaseUntil) { SentAt = SentAt, Skipped = Skipped };
}

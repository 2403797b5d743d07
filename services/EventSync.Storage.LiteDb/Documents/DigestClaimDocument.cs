using EventSync.Contracts;

namespace EventSync.Storage.LiteDb.Documents;

// A DigestClaim as stored: _id = tenant|frequency|period start ticks, instants as UTC ticks.
internal sealed class DigestClaimDocument
{
    public string Id { get; set; } = "";

    // Indexed: the last sent digest of a tenant.
    public string TenantId { get; set; } = "";

    public DigestFrequency Frequency { get; set; }

    public long PeriodStartUtcTicks { get; set; }

    public long PeriodEndUtcTicks { get; set; }

    public string Token { get; set; } = "";

    public long LeaseUntilUtcTicks { get; set; }

    public long? SentAtUtcTicks { get; set; }

    public bool Skipped { get; set; }
}

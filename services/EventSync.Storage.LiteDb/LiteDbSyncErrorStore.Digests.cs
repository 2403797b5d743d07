using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// IDigestClaimStore: one claim per (tenant, frequency, period start) in digest_claims, decided and written under the write lock.
public sealed partial class LiteDbSyncErrorStore : IDigestClaimStore
{
    private const string DigestClaimsCollection = "digest_claims";

    private ILiteCollection<DigestClaimDocument> DigestClaims => _database.GetCollection<DigestClaimDocument>(DigestClaimsCollection);

    public Task<DigestClaimOutcome> TryClaimDigestAsync(DigestClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var stored = DigestClaims.FindById(NotificationMapping.ClaimId(claim.TenantId, claim.Frequency, claim.PeriodStart));
                if (stored?.SentAtUtcTicks is not null)
                {
                    return DigestClaimOutcome.AlreadySent;
                }

                if (stored is not null && stored.Token != claim.Token && stored.LeaseUntilUtcTicks > now.UtcTicks)
                {
                    return DigestClaimOutcome.HeldByAnother;
                }

                DigestClaims.Upsert(NotificationMapping.ToDocument(claim with { SentAt = null, Skipped = false }));
                return DigestClaimOutcome.Claimed;
            }));
        }
    }

    public Task<bool> MarkDigestSentAsync(
        string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, string token, DateTimeOffset sentAt, bool skipped, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_writeLock)
        {
            return Task.FromResult(InTransaction(() =>
            {
                var stored = DigestClaims.FindById(NotificationMapping.ClaimId(tenantId, frequency, periodStart));
                if (stored is null || stored.Token != token)
                {
                    return false;
                }

                stored.SentAtUtcTicks = sentAt.UtcTicks;
                stored.Skipped = skipped;
                return DigestClaims.Update(stored);
            }));
        }
    }

    public Task<DigestClaim?> GetDigestClaimAsync(string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var stored = DigestClaims.FindById(NotificationMapping.ClaimId(tenantId, frequency, periodStart));
        return Task.FromResult(stored is null ? null : NotificationMapping.ToClaim(stored));
    }

    public Task<DigestClaim?> LastSentDigestAsync(string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var last = DigestClaims.Find(Filters.Equal("tenantId", tenantId))
            .Where(d => d.SentAtUtcTicks is not null)
            .MaxBy(d => d.PeriodEndUtcTicks);
        return Task.FromResult(last is null ? null : NotificationMapping.ToClaim(last));
    }

    private void EnsureDigestIndexes() => DigestClaims.EnsureIndex(d => d.TenantId);
}

using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// Digest claims: the claim is one upsert filtered on "unsent and mine or expired"; <c>_id</c> makes it unique, so a claim
/// held by another sender (or already sent) fails the upsert with a duplicate key and is read to tell which.
/// </summary>
public sealed class MongoDigestClaimStore(MongoStoreContext context) : IDigestClaimStore
{
    public async Task<DigestClaimOutcome> TryClaimDigestAsync(DigestClaim claim, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        var id = DigestClaimDocument.IdOf(claim.TenantId, claim.Frequency, claim.PeriodStart);
        try
        {
            await context.DigestClaims.UpdateOneAsync(
                DigestClaimQueries.Claimable(id, claim.Token, now), DigestClaimQueries.Claim(claim), new UpdateOptions { IsUpsert = true }, cancellationToken);
            return DigestClaimOutcome.Claimed;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            var stored = await context.DigestClaims.Find(DigestClaimQueries.ById(id)).FirstOrDefaultAsync(cancellationToken);
            return stored?.SentAt is not null ? DigestClaimOutcome.AlreadySent : DigestClaimOutcome.HeldByAnother;
        }
    }

    public async Task<bool> MarkDigestSentAsync(
        string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, string token, DateTimeOffset sentAt, bool skipped, CancellationToken cancellationToken)
    {
        var id = DigestClaimDocument.IdOf(tenantId, frequency, periodStart);
        var result = await context.DigestClaims.UpdateOneAsync(DigestClaimQueries.HeldBy(id, token), DigestClaimQueries.MarkSent(sentAt, skipped), cancellationToken: cancellationToken);
        return result.MatchedCount == 1;
    }

    public async Task<DigestClaim?> GetDigestClaimAsync(string tenantId, DigestFrequency frequency, DateTimeOffset periodStart, CancellationToken cancellationToken)
    {
        var document = await context.DigestClaims.Find(DigestClaimQueries.ById(DigestClaimDocument.IdOf(tenantId, frequency, periodStart))).FirstOrDefaultAsync(cancellationToken);
        return document?.ToClaim();
    }

    public async Task<DigestClaim?> LastSentDigestAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await context.DigestClaims.Find(DigestClaimQueries.SentOf(tenantId)).Sort(DigestClaimQueries.LatestPeriodFirst).Limit(1).FirstOrDefaultAsync(cancellationToken);
        return document?.ToClaim();
    }
}

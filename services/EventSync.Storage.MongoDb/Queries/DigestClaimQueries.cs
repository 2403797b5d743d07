using EventSync.Core.Notifications;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filters, updates and index of <c>digest_claims</c>.</summary>
internal static class DigestClaimQueries
{
    private static readonly FilterDefinitionBuilder<DigestClaimDocument> Filter = Builders<DigestClaimDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<DigestClaimDocument> Update = Builders<DigestClaimDocument>.Update;

    public static SortDefinition<DigestClaimDocument> LatestPeriodFirst { get; } = Builders<DigestClaimDocument>.Sort.Descending(d => d.PeriodEnd);

    public static FilterDefinition<DigestClaimDocument> ById(string id) => Filter.Eq(d => d.Id, id);

    /// <summary>The claim while it is unsent and either the caller's or expired: with an upsert, a missing claim is created.</summary>
    public static FilterDefinition<DigestClaimDocument> Claimable(string id, string token, DateTimeOffset now) =>
        Filter.Eq(d => d.Id, id)
        & Filter.Eq(d => d.SentAt, null)
        & (Filter.Eq(d => d.Token, token) | Filter.Lte(d => d.LeaseUntil, now));

    public static UpdateDefinition<DigestClaimDocument> Claim(DigestClaim claim) =>
        Update.Set(d => d.TenantId, claim.TenantId)
            .Set(d => d.Frequency, claim.Frequency.ToString())
            .Set(d => d.PeriodStart, claim.PeriodStart)
            .Set(d => d.PeriodEnd, claim.PeriodEnd)
            .Set(d => d.Token, claim.Token)
            .Set(d => d.LeaseUntil, claim.LeaseUntil)
            .Set(d => d.Skipped, false);

    public static FilterDefinition<DigestClaimDocument> HeldBy(string id, string token) => Filter.Eq(d => d.Id, id) & Filter.Eq(d => d.Token, token);

    public static UpdateDefinition<DigestClaimDocument> MarkSent(DateTimeOffset sentAt, bool skipped) =>
        Update.Set(d => d.SentAt, sentAt).Set(d => d.Skipped, skipped);

    public static FilterDefinition<DigestClaimDocument> SentOf(string tenantId) => Filter.Eq(d => d.TenantId, tenantId) & Filter.Ne(d => d.SentAt, null);

    public static CreateIndexModel<DigestClaimDocument> Index() =>
        new(
            Builders<DigestClaimDocument>.IndexKeys.Ascending(d => d.TenantId).Descending(d => d.PeriodEnd),
            new CreateIndexOptions<DigestClaimDocument> { Name = "claims_by_tenant" });
}

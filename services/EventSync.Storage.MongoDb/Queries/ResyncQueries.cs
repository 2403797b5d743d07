using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filters, orders and indexes of <c>resync_requests</c>, <c>resync_budgets</c> and <c>transient_retries</c>.</summary>
internal static class ResyncQueries
{
    public const int RecentRetryEventLimit = 32;

    private static readonly FilterDefinitionBuilder<ResyncRequestDocument> Filter = Builders<ResyncRequestDocument>.Filter;
    private static readonly FilterDefinitionBuilder<ResyncPartDocument> PartFilter = Builders<ResyncPartDocument>.Filter;
    private static readonly IndexKeysDefinitionBuilder<ResyncRequestDocument> Keys = Builders<ResyncRequestDocument>.IndexKeys;

    /// <summary>The dispatch order of a tenant's waiting requests.</summary>
    public static SortDefinition<ResyncRequestDocument> WaitingOrder { get; } =
        Builders<ResyncRequestDocument>.Sort.Ascending(d => d.NotBefore).Ascending(d => d.Id);

    /// <summary>A tenant's requests newest first: what the list of requests pages through.</summary>
    public static SortDefinition<ResyncRequestDocument> RecentOrder { get; } =
        Builders<ResyncRequestDocument>.Sort.Descending(d => d.RequestedAt).Descending(d => d.Id);

    /// <summary>The tenant's requests, after the cursor in <see cref="RecentOrder"/> when one is given.</summary>
    public static FilterDefinition<ResyncRequestDocument> Recent(string tenantId, ResyncRequestPageCursor? after) =>
        after is null
            ? Filter.Eq(d => d.TenantId, tenantId)
            : Filter.Eq(d => d.TenantId, tenantId)
              & (Filter.Lt(d => d.RequestedAt, after.RequestedAt)
                 | (Filter.Eq(d => d.RequestedAt, after.RequestedAt) & Filter.Lt(d => d.Id, after.RequestId)));

    public static FilterDefinition<ResyncRequestDocument> ByTenantAndId(string tenantId, string requestId) =>
        Filter.Eq(d => d.Id, requestId) & Filter.Eq(d => d.TenantId, tenantId);

    public static FilterDefinition<ResyncRequestDocument> ByTenantAndIds(string tenantId, IEnumerable<string> requestIds) =>
        Filter.In(d => d.Id, requestIds) & Filter.Eq(d => d.TenantId, tenantId);

    /// <summary>The request only as it was read: a write that lost to another writer matches nothing.</summary>
    public static FilterDefinition<ResyncRequestDocument> AsRead(string requestId, long version) =>
        Filter.Eq(d => d.Id, requestId) & Filter.Eq(d => d.Version, version);

    public static FilterDefinition<ResyncRequestDocument> Waiting(string tenantId) =>
        Filter.Eq(d => d.TenantId, tenantId) & Filter.Eq(d => d.Waiting, true);

    public static FilterDefinition<ResyncRequestDocument> AnyWaiting() => Filter.Eq(d => d.Waiting, true);

    /// <summary>
    /// The tenant's requests with a sent part for the record: one <c>$elemMatch</c> per record id, joined by a top-level
    /// <c>$or</c>, so that each branch is served by its own index (<c>parts_by_hubspot_id</c>, <c>parts_by_salesforce_id</c>);
    /// an <c>$or</c> inside the <c>$elemMatch</c> would use neither. Null when the record has no id.
    /// </summary>
    public static FilterDefinition<ResyncRequestDocument>? SentForRecord(string tenantId, string objectType, string? hubSpotId, string? salesforceId)
    {
        var sent = PartFilter.Eq(p => p.State, ResyncPartState.Sent.ToWire()) & PartFilter.Eq(p => p.ObjectType, SyncErrorKeys.ObjectType(objectType));
        var branches = new List<FilterDefinition<ResyncRequestDocument>>(2);
        if (!string.IsNullOrWhiteSpace(hubSpotId))
        {
            branches.Add(Filter.Eq(d => d.TenantId, tenantId) & Filter.ElemMatch(d => d.Parts, sent & PartFilter.Eq(p => p.HubSpotId, hubSpotId.Trim())));
        }

        if (!string.IsNullOrWhiteSpace(salesforceId))
        {
            branches.Add(Filter.Eq(d => d.TenantId, tenantId) & Filter.ElemMatch(d => d.Parts, sent & PartFilter.Eq(p => p.SalesforceId, salesforceId.Trim())));
        }

        return branches.Count switch
        {
            0 => null,
            1 => branches[0],
            _ => Filter.Or(branches),
        };
    }

    public static FilterDefinition<ResyncRequestDocument> SentForError(string tenantId, string errorId) =>
        Filter.Eq(d => d.TenantId, tenantId)
        & Filter.ElemMatch(d => d.Parts, PartFilter.Eq(p => p.State, ResyncPartState.Sent.ToWire()) & PartFilter.AnyEq(p => p.ErrorIds, errorId));

    public static IEnumerable<CreateIndexModel<ResyncRequestDocument>> Indexes() =>
    [
        new(Keys.Ascending(d => d.TenantId).Ascending(d => d.Waiting).Ascending(d => d.NotBefore).Ascending(d => d.Id),
            new CreateIndexOptions { Name = "waiting_by_tenant" }),
        new(Keys.Ascending(d => d.Waiting).Ascending(d => d.TenantId), new CreateIndexOptions { Name = "waiting_tenants" }),
        new(Keys.Ascending(d => d.TenantId).Descending(d => d.RequestedAt).Descending(d => d.Id), new CreateIndexOptions { Name = "recent_by_tenant" }),
        new(Keys.Ascending(d => d.TenantId).Ascending("parts.hubSpotId"), new CreateIndexOptions { Name = "parts_by_hubspot_id" }),
        new(Keys.Ascending(d => d.TenantId).Ascending("parts.salesforceId"), new CreateIndexOptions { Name = "parts_by_salesforce_id" }),
        new(Keys.Ascending(d => d.TenantId).Ascending("parts.errorIds"), new CreateIndexOptions { Name = "parts_by_error_id" }),
    ];

    public const string FinishedExpiryIndexName = "finished_requests_expiry";

    /// <summary>Removes a finished request once <paramref name="retention"/> has passed since it finished.</summary>
    public static CreateIndexModel<ResyncRequestDocument> FinishedExpiryIndex(TimeSpan retention) =>
        new(Keys.Ascending(d => d.FinishedAt), new CreateIndexOptions { Name = FinishedExpiryIndexName, ExpireAfter = retention });

    /// <summary>The <c>collMod</c> that gives the existing TTL index another retention.</summary>
    public static BsonDocument ChangeRetention(TimeSpan retention) =>
        MongoTtlRetention.ChangeRetention(MongoCollectionNames.ResyncRequests, FinishedExpiryIndexName, retention);

    /// <summary>The tenant's budget only as it was read (version 0: none stored yet, so an upsert inserts or collides).</summary>
    public static FilterDefinition<BudgetDocument> BudgetAsRead(string tenantId, long version) =>
        Builders<BudgetDocument>.Filter.Eq(d => d.Id, tenantId) & Builders<BudgetDocument>.Filter.Eq(d => d.Version, version);

    public static FilterDefinition<BudgetDocument> BudgetOf(string tenantId) => Builders<BudgetDocument>.Filter.Eq(d => d.Id, tenantId);

    /// <summary>The error's retry count while <paramref name="eventId"/> is not counted yet: an upsert of a counted event collides on <c>_id</c>.</summary>
    public static FilterDefinition<TransientRetryDocument> RetryNotCounting(string tenantId, string errorId, string eventId) =>
        Builders<TransientRetryDocument>.Filter.Eq(d => d.Id, errorId)
        & Builders<TransientRetryDocument>.Filter.Eq(d => d.TenantId, tenantId)
        & Builders<TransientRetryDocument>.Filter.AnyNe(d => d.RecentEventIds, eventId);

    public static UpdateDefinition<TransientRetryDocument> CountFailure(string eventId) =>
        Builders<TransientRetryDocument>.Update
            .Inc(d => d.Failures, 1)
            .PushEach(d => d.RecentEventIds, [eventId], slice: -RecentRetryEventLimit);

    public static FilterDefinition<TransientRetryDocument> RetriesOf(string tenantId, IEnumerable<string> errorIds) =>
        Builders<TransientRetryDocument>.Filter.In(d => d.Id, errorIds) & Builders<TransientRetryDocument>.Filter.Eq(d => d.TenantId, tenantId);

    public static FilterDefinition<SyncErrorDocument> NotSurfaced(string tenantId, string errorId) =>
        SyncErrorQueries.ByTenantAndId(tenantId, errorId) & Builders<SyncErrorDocument>.Filter.Eq(d => d.SurfacedAt, null);

    /// <summary>Surfaces the error and queues its announcement in the document's outbox, in one update.</summary>
    public static UpdateDefinition<SyncErrorDocument> Surface(DateTimeOffset at, OutboxMessage announcement) =>
        Builders<SyncErrorDocument>.Update.Set(d => d.SurfacedAt, at).Inc(d => d.Version, 1L).Push(d => d.Outbox, OutboxEntryDocument.From(announcement));
}

using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filter and the TTL index of <c>views</c>.</summary>
internal static class ViewQueries
{
    private static readonly FilterDefinitionBuilder<ViewDocument> Filter = Builders<ViewDocument>.Filter;

    public static FilterDefinition<ViewDocument> ById(string viewId) => Filter.Eq(d => d.Id, viewId);

    /// <summary>
    /// The tenant's view while it has not expired: the TTL monitor runs about once a minute, so an expired view can
    /// still be stored for a while and the expiry is checked here too.
    /// </summary>
    public static FilterDefinition<ViewDocument> Live(string tenantId, string viewId, DateTimeOffset now) =>
        Filter.Eq(d => d.Id, viewId) & Filter.Eq(d => d.TenantId, tenantId) & Filter.Gt(d => d.ExpiresAt, now);

    /// <summary>Removes a view once its <c>expiresAt</c> has passed (<c>expireAfterSeconds: 0</c>).</summary>
    public static CreateIndexModel<ViewDocument> ExpiryIndex() =>
        new(
            Builders<ViewDocument>.IndexKeys.Ascending(d => d.ExpiresAt),
            new CreateIndexOptions<ViewDocument> { Name = "expire_views", ExpireAfter = TimeSpan.Zero });
}

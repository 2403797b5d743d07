using EventSync.Core.Audit;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filter, the order and the indexes (keyset pages, by action, by principal, the TTL) of <c>audit_entries</c>.</summary>
internal static class AuditQueries
{
    public const string ExpiryIndexName = "audit_entries_expiry";

    private static readonly FilterDefinitionBuilder<AuditEntryDocument> Filter = Builders<AuditEntryDocument>.Filter;
    private static readonly IndexKeysDefinitionBuilder<AuditEntryDocument> Keys = Builders<AuditEntryDocument>.IndexKeys;

    /// <summary>Newest first; the id orders entries of one instant.</summary>
    public static SortDefinition<AuditEntryDocument> NewestFirst { get; } =
        Builders<AuditEntryDocument>.Sort.Descending(d => d.At).Descending(d => d.Id);

    /// <summary>The entries the query selects, after the cursor in <see cref="NewestFirst"/> when one is given.</summary>
    public static FilterDefinition<AuditEntryDocument> Selecting(AuditQuery query, AuditPageCursor? after)
    {
        ArgumentNullException.ThrowIfNull(query);
        var filter = Filter.Eq(d => d.TenantId, query.TenantId);
        if (query.Action is { } action)
        {
            filter &= Filter.Eq(d => d.Action, action);
        }

        if (query.Principal is { } principal)
        {
            filter &= Filter.Eq(d => d.Principal, principal);
        }

        return after is null
            ? filter
            : filter & (Filter.Lt(d => d.At, after.At) | (Filter.Eq(d => d.At, after.At) & Filter.Lt(d => d.Id, after.EntryId)));
    }

    public static IEnumerable<CreateIndexModel<AuditEntryDocument>> Indexes() =>
    [
        new(Keys.Ascending(d => d.TenantId).Descending(d => d.At).Descending(d => d.Id), new CreateIndexOptions { Name = "audit_by_tenant" }),
        new(Keys.Ascending(d => d.TenantId).Ascending(d => d.Action).Descending(d => d.At).Descending(d => d.Id), new CreateIndexOptions { Name = "audit_by_action" }),
        new(Keys.Ascending(d => d.TenantId).Ascending(d => d.Principal).Descending(d => d.At).Descending(d => d.Id), new CreateIndexOptions { Name = "audit_by_principal" }),
    ];

    /// <summary>Removes an entry once <paramref name="retention"/> has passed since it was recorded.</summary>
    public static CreateIndexModel<AuditEntryDocument> ExpiryIndex(TimeSpan retention) =>
        new(Keys.Ascending(d => d.At), new CreateIndexOptions { Name = ExpiryIndexName, ExpireAfter = retention });
}

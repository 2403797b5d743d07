using System.Text.RegularExpressions;
using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>Every filter, update, pipeline and index of <c>sync_errors</c>, built without a server so that they can be rendered and checked.</summary>
internal static class SyncErrorQueries
{
    private static readonly FilterDefinitionBuilder<SyncErrorDocument> Filter = Builders<SyncErrorDocument>.Filter;
    private static readonly IndexKeysDefinitionBuilder<SyncErrorDocument> Keys = Builders<SyncErrorDocument>.IndexKeys;

    /// <summary>Newest last-seen first, ties by id: the order of <c>tenant_last_seen</c>, so that index serves list, export and paging.</summary>
    public static SortDefinition<SyncErrorDocument> ListOrder { get; } =
        Builders<SyncErrorDocument>.Sort.Descending(d => d.LastSeen).Ascending(d => d.Id);

    public static FilterDefinition<SyncErrorDocument> ByIds(IEnumerable<string> errorIds) =>
        Filter.In(d => d.Id, errorIds);

    public static FilterDefinition<SyncErrorDocument> ByTenantAndId(string tenantId, string errorId) =>
        Filter.Eq(d => d.Id, errorId) & Filter.Eq(d => d.TenantId, tenantId);

    /// <summary>
    /// Matches the error only as it was read (version 0 for a new one; stored versions start at 1). When another writer
    /// got there first the filter matches nothing, the upsert tries to insert the same <c>_id</c> and fails with a
    /// duplicate key: that is how a lost race shows.
    /// </summary>
    public static FilterDefinition<SyncErrorDocument> AsRead(string errorId, long previousVersion) =>
        Filter.Eq(d => d.Id, errorId) & Filter.Eq(d => d.Version, previousVersion);

    public static ReplaceOneModel<SyncErrorDocument> Write(SyncError error, long previousVersion) => Write(error, previousVersion, null, []);

    /// <summary>
    /// The error as <see cref="Write(SyncError, long)"/> writes it, keeping the messages that wait in the stored document
    /// (and their lease) and adding <paramref name="queued"/>: the change and its announcements are one document write.
    /// </summary>
    public static ReplaceOneModel<SyncErrorDocument> Write(SyncError error, long previousVersion, SyncErrorDocument? stored, IReadOnlyCollection<OutboxMessage> queued)
    {
        var document = SyncErrorDocument.From(error);
        var waiting = (stored?.Outbox ?? []).Concat(queued.Select(OutboxEntryDocument.From)).ToArray();
        document.Outbox = waiting.Length == 0 ? null : waiting;
        document.OutboxLeaseUntil = waiting.Length == 0 ? null : stored?.OutboxLeaseUntil;
        return new(AsRead(error.Id, previousVersion), document) { IsUpsert = true };
    }

    /// <summary>The record's current errors last seen before it synced; null when the resolution names no record id.</summary>
    public static FilterDefinition<SyncErrorDocument>? CurrentErrorsOfRecord(RecordResolution resolution)
    {
        var recordIds = new List<FilterDefinition<SyncErrorDocument>>(2);
        if (!string.IsNullOrWhiteSpace(resolution.HubSpotId))
        {
            recordIds.Add(Filter.Eq(d => d.HubSpotId, resolution.HubSpotId));
        }

        if (!string.IsNullOrWhiteSpace(resolution.SalesforceId))
        {
            recordIds.Add(Filter.Eq(d => d.SalesforceId, resolution.SalesforceId));
        }

        if (recordIds.Count == 0)
        {
            return null;
        }

        return Filter.And(
            Filter.Eq(d => d.TenantId, resolution.TenantId),
            Filter.Eq(d => d.ObjectType, SyncErrorKeys.ObjectType(resolution.ObjectType)),
            Filter.In(d => d.State, SyncErrorStates.Unresolved),
            Filter.Lte(d => d.LastSeen, resolution.SyncedAt),
            recordIds.Count == 1 ? recordIds[0] : Filter.Or(recordIds));
    }

    public static UpdateDefinition<SyncErrorDocument> Resolve(DateTimeOffset syncedAt) =>
        Builders<SyncErrorDocument>.Update
            .Set(d => d.State, SyncErrorState.Resolved)
            .Set(d => d.ResolvedAt, syncedAt)
            .Unset(d => d.Ignore)
            .Inc(d => d.Version, 1L);

    public static FilterDefinition<SyncErrorDocument> ByTenantAndIds(string tenantId, IEnumerable<string> errorIds) =>
        Filter.In(d => d.Id, errorIds) & Filter.Eq(d => d.TenantId, tenantId);

    /// <summary>The errors a query asks for; every filter left null is left out.</summary>
    public static FilterDefinition<SyncErrorDocument> Matching(ErrorQuery query)
    {
        var clauses = new List<FilterDefinition<SyncErrorDocument>> { Filter.Eq(d => d.TenantId, query.TenantId) };
        if (query.ErrorType is not null)
        {
            clauses.Add(Filter.Eq(d => d.ErrorType, query.ErrorType));
        }

        if (query.Category is not null)
        {
            clauses.Add(Filter.Eq(d => d.Category, query.Category));
        }

        if (query.State is { } state)
        {
            clauses.Add(Filter.Eq(d => d.State, state));
        }
        else if (query.CurrentOnly)
        {
            clauses.Add(Filter.In(d => d.State, SyncErrorStates.Current));
        }

        if (query.ObjectType is not null)
        {
            clauses.Add(Filter.Eq(d => d.ObjectType, SyncErrorKeys.ObjectType(query.ObjectType)));
        }

        if (query.SeenFrom is { } from)
        {
            clauses.Add(Filter.Gte(d => d.LastSeen, from));
        }

        if (query.SeenTo is { } to)
        {
            clauses.Add(Filter.Lt(d => d.LastSeen, to));
        }

        if (query.Fingerprint is not null)
        {
            clauses.Add(Filter.Eq(d => d.Fingerprint, query.Fingerprint));
        }

        if (query.Assignee is not null)
        {
            clauses.Add(Filter.Eq(d => d.Assignee, query.Assignee));
        }
        else if (query.Unassigned)
        {
            clauses.Add(Filter.Eq(d => d.Assignee, null));
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            clauses.Add(ContainingText(query.Text));
        }

        return Filter.And(clauses);
    }

    /// <summary>Case-insensitive substring of the message, the status code or a record id; the text is matched literally, never as a pattern.</summary>
    public static FilterDefinition<SyncErrorDocument> ContainingText(string text)
    {
        var literal = new BsonRegularExpression(Regex.Escape(text), "i");
        return Filter.Or(
            Filter.Regex(d => d.Message, literal),
            Filter.Regex(d => d.StatusCode, literal),
            Filter.Regex(d => d.HubSpotId, literal),
            Filter.Regex(d => d.SalesforceId, literal));
    }

    /// <summary>
    /// The first part of the page after <paramref name="cursor"/> in <see cref="ListOrder"/>: the errors seen at the
    /// cursor's instant with a greater id. Equality on tenant and last seen and a range on the id: tight bounds on
    /// <c>tenant_last_seen</c>.
    /// </summary>
    public static FilterDefinition<SyncErrorDocument> SameInstantAfter(ErrorQuery query, ErrorPageCursor cursor) =>
        Matching(query) & Filter.Eq(d => d.LastSeen, cursor.LastSeen) & Filter.Gt(d => d.Id, cursor.Id);

    /// <summary>
    /// The rest of the page after <paramref name="cursor"/>: the errors seen before its instant, a range on
    /// <c>tenant_last_seen</c> that starts at the cursor. Kept apart from <see cref="SameInstantAfter"/> (rather than one
    /// <c>$or</c> of both) so that no page, text search or not, scans from the newest error.
    /// </summary>
    public static FilterDefinition<SyncErrorDocument> Older(ErrorQuery query, ErrorPageCursor cursor) =>
        Matching(query) & Filter.Lt(d => d.LastSeen, cursor.LastSeen);

    /// <summary>The error only while it is open: the condition and the change are one atomic single-document update.</summary>
    public static FilterDefinition<SyncErrorDocument> OpenError(string tenantId, string errorId) =>
        Filter.Eq(d => d.Id, errorId) & Filter.Eq(d => d.TenantId, tenantId) & Filter.Eq(d => d.State, SyncErrorState.Open);

    public static UpdateDefinition<SyncErrorDocument> MarkResyncPending() =>
        Builders<SyncErrorDocument>.Update
            .Set(d => d.State, SyncErrorState.ResyncPending)
            .Inc(d => d.Version, 1L);

    /// <summary>The tenant's current errors assigned to someone.</summary>
    public static FilterDefinition<SyncErrorDocument> AssignedCurrent(string tenantId) =>
        Filter.Eq(d => d.TenantId, tenantId) & Filter.Ne(d => d.Assignee, null) & Filter.In(d => d.State, SyncErrorStates.Current);

    /// <summary>Ignored errors whose date came by <paramref name="now"/>.</summary>
    public static FilterDefinition<SyncErrorDocument> IgnoredDue(DateTimeOffset now) =>
        Filter.Eq(d => d.State, SyncErrorState.Ignored) & Filter.Lte(d => d.Ignore!.Until, now);

    public static SortDefinition<SyncErrorDocument> IgnoredDueOrder { get; } =
        Builders<SyncErrorDocument>.Sort.Ascending(d => d.Ignore!.Until).Ascending(d => d.Id);

    public static IReadOnlyList<CreateIndexModel<SyncErrorDocument>> Indexes() =>
    [
        new(
            Keys.Ascending(d => d.TenantId).Ascending(d => d.State).Ascending(d => d.Category).Ascending(d => d.ErrorType).Ascending(d => d.RecordKey),
            new CreateIndexOptions<SyncErrorDocument> { Name = "error_cards" }),
        new(
            Keys.Ascending(d => d.TenantId).Ascending(d => d.ObjectType).Ascending(d => d.HubSpotId),
            new CreateIndexOptions<SyncErrorDocument> { Name = "resolve_by_hubspot_id", PartialFilterExpression = Filter.Exists(d => d.HubSpotId) }),
        new(
            Keys.Ascending(d => d.TenantId).Ascending(d => d.ObjectType).Ascending(d => d.SalesforceId),
            new CreateIndexOptions<SyncErrorDocument> { Name = "resolve_by_salesforce_id", PartialFilterExpression = Filter.Exists(d => d.SalesforceId) }),
        new(
            Keys.Ascending(d => d.TenantId).Descending(d => d.LastSeen).Ascending(d => d.Id),
            new CreateIndexOptions<SyncErrorDocument> { Name = "tenant_last_seen" }),
        new(
            Keys.Ascending(d => d.TenantId).Ascending(d => d.Assignee).Descending(d => d.LastSeen).Ascending(d => d.Id),
            new CreateIndexOptions<SyncErrorDocument> { Name = "tenant_assignee", PartialFilterExpression = Filter.Exists(d => d.Assignee) }),
        new(
            Keys.Ascending(d => d.Ignore!.Until).Ascending(d => d.Id),
            new CreateIndexOptions<SyncErrorDocument>
            {
                Name = "ignored_until",
                PartialFilterExpression = Filter.Eq(d => d.State, SyncErrorState.Ignored) & Filter.Exists(d => d.Ignore!.Until),
            }),
    ];
}

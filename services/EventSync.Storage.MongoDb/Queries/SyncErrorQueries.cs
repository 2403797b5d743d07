using EventSync.Core.Catalog;
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

    public static ReplaceOneModel<SyncErrorDocument> Write(SyncError error, long previousVersion) =>
        new(AsRead(error.Id, previousVersion), SyncErrorDocument.From(error)) { IsUpsert = true };

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
            Filter.In(d => d.State, SyncErrorStates.Current),
            Filter.Lte(d => d.LastSeen, resolution.SyncedAt),
            recordIds.Count == 1 ? recordIds[0] : Filter.Or(recordIds));
    }

    public static UpdateDefinition<SyncErrorDocument> Resolve(DateTimeOffset syncedAt) =>
        Builders<SyncErrorDocument>.Update
            .Set(d => d.State, SyncErrorState.Resolved)
            .Set(d => d.ResolvedAt, syncedAt)
            .Inc(d => d.Version, 1L);

    public static FilterDefinition<SyncErrorDocument> CurrentCardErrors(string tenantId) =>
        Filter.And(
            Filter.Eq(d => d.TenantId, tenantId),
            Filter.In(d => d.State, SyncErrorStates.Current),
            Filter.Ne(d => d.Category, ErrorCatalog.TransientCategory));

    /// <summary>Current errors counted per error type: first per record, then per type, so that records are counted once.</summary>
    public static PipelineDefinition<SyncErrorDocument, ErrorCardDocument> ErrorCards(string tenantId)
    {
        var category = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.Category));
        var errorType = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.ErrorType));
        var recordKey = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.RecordKey));
        var currentErrors = MongoMappings.ElementName<ErrorCardDocument>(nameof(ErrorCardDocument.CurrentErrors));
        var affectedRecords = MongoMappings.ElementName<ErrorCardDocument>(nameof(ErrorCardDocument.AffectedRecords));
        const string errors = "errors";

        var perRecord = new BsonDocument("$group", new BsonDocument
        {
            { "_id", new BsonDocument { { category, $"${category}" }, { errorType, $"${errorType}" }, { recordKey, $"${recordKey}" } } },
            { errors, new BsonDocument("$sum", 1) },
        });
        var perType = new BsonDocument("$group", new BsonDocument
        {
            { "_id", new BsonDocument { { category, $"$_id.{category}" }, { errorType, $"$_id.{errorType}" } } },
            { currentErrors, new BsonDocument("$sum", $"${errors}") },
            { affectedRecords, new BsonDocument("$sum", 1) },
        });
        var card = new BsonDocument("$project", new BsonDocument
        {
            { "_id", 0 },
            { MongoMappings.ElementName<ErrorCardDocument>(nameof(ErrorCardDocument.Category)), $"$_id.{category}" },
            { MongoMappings.ElementName<ErrorCardDocument>(nameof(ErrorCardDocument.ErrorType)), $"$_id.{errorType}" },
            { currentErrors, 1 },
            { affectedRecords, 1 },
        });

        return new EmptyPipelineDefinition<SyncErrorDocument>()
            .Match(CurrentCardErrors(tenantId))
            .AppendStage<SyncErrorDocument, SyncErrorDocument, BsonDocument>(perRecord)
            .AppendStage<SyncErrorDocument, BsonDocument, BsonDocument>(perType)
            .AppendStage<SyncErrorDocument, BsonDocument, ErrorCardDocument>(card);
    }

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
    ];
}

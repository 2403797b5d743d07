using EventSync.Core.Catalog;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>
/// The card counters: <c>error_card_counts</c> (one per tenant, category and error type) and <c>error_card_records</c>
/// (one per record of a card while it has counted errors), their updates, and the pipelines that rebuild them.
/// </summary>
internal static class ErrorCardQueries
{
    public const string CardCountsMarker = "error-card-counts";

    /// <summary>Raise when the meaning of the counters changes: databases holding an older version rebuild them at start.</summary>
    public const int CardCountsVersion = 1;

    private const string KeySeparator = "\u001f";

    private static readonly FilterDefinitionBuilder<ErrorCardCountDocument> CountFilter = Builders<ErrorCardCountDocument>.Filter;
    private static readonly FilterDefinitionBuilder<ErrorCardRecordDocument> RecordFilter = Builders<ErrorCardRecordDocument>.Filter;

    public static string CountId(string tenantId, string category, string errorType) => string.Join(KeySeparator, tenantId, category, errorType);

    public static string CountId(ErrorCardDelta delta) => CountId(delta.TenantId, delta.Category, delta.ErrorType);

    public static string RecordId(ErrorCardDelta delta) => string.Join(KeySeparator, delta.TenantId, delta.Category, delta.ErrorType, delta.RecordKey);

    /// <summary>The cards of a tenant that count at least one error (by the <c>tenant_cards</c> index).</summary>
    public static FilterDefinition<ErrorCardCountDocument> CardsOf(string tenantId) =>
        CountFilter.Eq(d => d.TenantId, tenantId) & CountFilter.Gt(d => d.Errors, 0L);

    public static FilterDefinition<ErrorCardRecordDocument> RecordById(string recordId) => RecordFilter.Eq(d => d.Id, recordId);

    /// <summary>Adds the delta to the record's count, creating its row at the first counted error.</summary>
    public static UpdateDefinition<ErrorCardRecordDocument> CountRecord(ErrorCardDelta delta) =>
        Builders<ErrorCardRecordDocument>.Update
            .Inc(d => d.Count, delta.Change)
            .SetOnInsert(d => d.TenantId, delta.TenantId)
            .SetOnInsert(d => d.Category, delta.Category)
            .SetOnInsert(d => d.ErrorType, delta.ErrorType);

    /// <summary>The row only while it counts nothing: a concurrent increment that got in first keeps it.</summary>
    public static FilterDefinition<ErrorCardRecordDocument> EmptiedRecord(string recordId) =>
        RecordFilter.Eq(d => d.Id, recordId) & RecordFilter.Lte(d => d.Count, 0L);

    /// <summary>Adds a batch's change of one card to its counters (an upsert: the first error of a type creates its card).</summary>
    public static UpdateOneModel<ErrorCardCountDocument> CountCard(ErrorCardDelta card, long errors, long records) =>
        new(
            CountFilter.Eq(d => d.Id, CountId(card)),
            Builders<ErrorCardCountDocument>.Update
                .Inc(d => d.Errors, errors)
                .Inc(d => d.Records, records)
                .SetOnInsert(d => d.TenantId, card.TenantId)
                .SetOnInsert(d => d.Category, card.Category)
                .SetOnInsert(d => d.ErrorType, card.ErrorType))
        { IsUpsert = true };

    public static CreateIndexModel<ErrorCardCountDocument> CountsIndex() =>
        new(Builders<ErrorCardCountDocument>.IndexKeys.Ascending(d => d.TenantId), new CreateIndexOptions { Name = "tenant_cards" });

    public static FilterDefinition<StoreMetaDocument> Marker() => Builders<StoreMetaDocument>.Filter.Eq(d => d.Id, CardCountsMarker);

    public static FilterDefinition<StoreMetaDocument> CurrentMarker() =>
        Marker() & Builders<StoreMetaDocument>.Filter.Eq(d => d.Version, CardCountsVersion);

    public static StoreMetaDocument MarkerDocument() => new() { Id = CardCountsMarker, Version = CardCountsVersion };

    /// <summary>
    /// The errors that count on the cards, as a query (the rebuild's only use of it): <see cref="ErrorCardDelta.IsCounted(SyncError)"/>
    /// says the same per error.
    /// </summary>
    public static FilterDefinition<SyncErrorDocument> Counted()
    {
        var filter = Builders<SyncErrorDocument>.Filter;
        return filter.In(d => d.State, SyncErrorStates.Current)
            & (filter.Ne(d => d.Category, ErrorCatalog.TransientCategory) | filter.Ne(d => d.SurfacedAt, null));
    }

    /// <summary>Every counted error grouped per (tenant, category, error type, record), written over <c>error_card_records</c>.</summary>
    public static PipelineDefinition<SyncErrorDocument, ErrorCardRecordDocument> RebuildRecords()
    {
        var tenantId = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.TenantId));
        var category = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.Category));
        var errorType = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.ErrorType));
        var recordKey = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.RecordKey));
        var count = MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.Count));

        var perRecord = new BsonDocument("$group", new BsonDocument
        {
            { "_id", new BsonDocument { { tenantId, $"${tenantId}" }, { category, $"${category}" }, { errorType, $"${errorType}" }, { recordKey, $"${recordKey}" } } },
            { count, new BsonDocument("$sum", 1L) },
        });
        var row = new BsonDocument("$project", new BsonDocument
        {
            { "_id", Joined($"$_id.{tenantId}", $"$_id.{category}", $"$_id.{errorType}", $"$_id.{recordKey}") },
            { MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.TenantId)), $"$_id.{tenantId}" },
            { MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.Category)), $"$_id.{category}" },
            { MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.ErrorType)), $"$_id.{errorType}" },
            { count, 1 },
        });

        return new EmptyPipelineDefinition<SyncErrorDocument>()
            .Match(Counted())
            .AppendStage<SyncErrorDocument, SyncErrorDocument, BsonDocument>(perRecord)
            .AppendStage<SyncErrorDocument, BsonDocument, BsonDocument>(row)
            .AppendStage<SyncErrorDocument, BsonDocument, ErrorCardRecordDocument>(new BsonDocument("$out", MongoCollectionNames.ErrorCardRecords));
    }

    /// <summary>The record rows summed per card, written over <c>error_card_counts</c> (its indexes stay).</summary>
    public static PipelineDefinition<ErrorCardRecordDocument, ErrorCardCountDocument> RebuildCounts()
    {
        var tenantId = MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.TenantId));
        var category = MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.Category));
        var errorType = MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.ErrorType));
        var count = MongoMappings.ElementName<ErrorCardRecordDocument>(nameof(ErrorCardRecordDocument.Count));
        var errors = MongoMappings.ElementName<ErrorCardCountDocument>(nameof(ErrorCardCountDocument.Errors));
        var records = MongoMappings.ElementName<ErrorCardCountDocument>(nameof(ErrorCardCountDocument.Records));

        var perCard = new BsonDocument("$group", new BsonDocument
        {
            { "_id", new BsonDocument { { tenantId, $"${tenantId}" }, { category, $"${category}" }, { errorType, $"${errorType}" } } },
            { errors, new BsonDocument("$sum", $"${count}") },
            { records, new BsonDocument("$sum", 1L) },
        });
        var card = new BsonDocument("$project", new BsonDocument
        {
            { "_id", Joined($"$_id.{tenantId}", $"$_id.{category}", $"$_id.{errorType}") },
            { MongoMappings.ElementName<ErrorCardCountDocument>(nameof(ErrorCardCountDocument.TenantId)), $"$_id.{tenantId}" },
            { MongoMappings.ElementName<ErrorCardCountDocument>(nameof(ErrorCardCountDocument.Category)), $"$_id.{category}" },
            { MongoMappings.ElementName<ErrorCardCountDocument>(nameof(ErrorCardCountDocument.ErrorType)), $"$_id.{errorType}" },
            { errors, 1 },
            { records, 1 },
        });

        return new EmptyPipelineDefinition<ErrorCardRecordDocument>()
            .AppendStage<ErrorCardRecordDocument, ErrorCardRecordDocument, BsonDocument>(perCard)
            .AppendStage<ErrorCardRecordDocument, BsonDocument, BsonDocument>(card)
            .AppendStage<ErrorCardRecordDocument, BsonDocument, ErrorCardCountDocument>(new BsonDocument("$out", MongoCollectionNames.ErrorCardCounts));
    }

    // The same key as CountId/RecordId, built on the server.
    private static BsonDocument Joined(params string[] fields) =>
        new("$concat", new BsonArray(fields.SelectMany((f, i) => i == 0 ? [f] : new[] { KeySeparator, f })));
}

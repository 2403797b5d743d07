using EventSync.Core.Catalog;
using EventSync.Core.Errors;
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

    public static FilterDefinition<ErrorCardRecordDocument> RecordsByIds(IEnumerable<string> recordIds) => RecordFilter.In(d => d.Id, recordIds);

    public static FilterDefinition<ErrorCardCountDocument> CountsByIds(IEnumerable<string> cardIds) => CountFilter.In(d => d.Id, cardIds);

    /// <summary>Every row of one card (by the <c>card_records</c> index), for a recount.</summary>
    public static FilterDefinition<ErrorCardRecordDocument> RecordsOfCard(string tenantId, string category, string errorType) =>
        RecordFilter.Eq(d => d.TenantId, tenantId) & RecordFilter.Eq(d => d.Category, category) & RecordFilter.Eq(d => d.ErrorType, errorType);

    /// <summary>Every card row of a tenant, those counting nothing included, for a recount.</summary>
    public static FilterDefinition<ErrorCardCountDocument> AllCardsOf(string tenantId) => CountFilter.Eq(d => d.TenantId, tenantId);

    /// <summary>
    /// Sets the record's count (never below zero) as computed in the transaction that read it: a row that counts nothing
    /// is deleted, so that the rows of a card are its affected records.
    /// </summary>
    public static WriteModel<ErrorCardRecordDocument> SetRecord(ErrorCardDelta record, long count) =>
        count <= 0
            ? new DeleteOneModel<ErrorCardRecordDocument>(RecordFilter.Eq(d => d.Id, RecordId(record)))
            : new UpdateOneModel<ErrorCardRecordDocument>(
                RecordFilter.Eq(d => d.Id, RecordId(record)),
                Builders<ErrorCardRecordDocument>.Update
                    .Set(d => d.Count, count)
                    .SetOnInsert(d => d.TenantId, record.TenantId)
                    .SetOnInsert(d => d.Category, record.Category)
                    .SetOnInsert(d => d.ErrorType, record.ErrorType))
            { IsUpsert = true };

    /// <summary>Sets a card's counters (never below zero) as computed in the transaction that read them; the first error of a type creates its card.</summary>
    public static UpdateOneModel<ErrorCardCountDocument> SetCard(ErrorCardDelta card, long errors, long records) =>
        new(
            CountFilter.Eq(d => d.Id, CountId(card)),
            Builders<ErrorCardCountDocument>.Update
                .Set(d => d.Errors, Math.Max(0, errors))
                .Set(d => d.Records, Math.Max(0, records))
                .SetOnInsert(d => d.TenantId, card.TenantId)
                .SetOnInsert(d => d.Category, card.Category)
                .SetOnInsert(d => d.ErrorType, card.ErrorType))
        { IsUpsert = true };

    public static CreateIndexModel<ErrorCardRecordDocument> RecordsIndex() =>
        new(
            Builders<ErrorCardRecordDocument>.IndexKeys.Ascending(d => d.TenantId).Ascending(d => d.Category).Ascending(d => d.ErrorType),
            new CreateIndexOptions { Name = "card_records" });

    /// <summary>The counted errors of one card per record: <c>{ _id: recordKey, count }</c> (by the <c>error_cards</c> index).</summary>
    public static PipelineDefinition<SyncErrorDocument, BsonDocument> CountedRecordsOf(string tenantId, string category, string errorType)
    {
        var filter = Builders<SyncErrorDocument>.Filter;
        var recordKey = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.RecordKey));
        return new EmptyPipelineDefinition<SyncErrorDocument>()
            .Match(filter.Eq(d => d.TenantId, tenantId) & filter.Eq(d => d.Category, category) & filter.Eq(d => d.ErrorType, errorType) & Counted())
            .AppendStage<SyncErrorDocument, SyncErrorDocument, BsonDocument>(
                new BsonDocument("$group", new BsonDocument { { "_id", $"${recordKey}" }, { "count", new BsonDocument("$sum", 1L) } }));
    }

    /// <summary>The cards a tenant's counted errors are on: <c>{ _id: { category, errorType } }</c>.</summary>
    public static PipelineDefinition<SyncErrorDocument, BsonDocument> CountedCardsOf(string tenantId)
    {
        var category = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.Category));
        var errorType = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.ErrorType));
        return new EmptyPipelineDefinition<SyncErrorDocument>()
            .Match(Builders<SyncErrorDocument>.Filter.Eq(d => d.TenantId, tenantId) & Counted())
            .AppendStage<SyncErrorDocument, SyncErrorDocument, BsonDocument>(new BsonDocument("$group", new BsonDocument
            {
                { "_id", new BsonDocument { { "category", $"${category}" }, { "errorType", $"${errorType}" } } },
            }));
    }

    public static CreateIndexModel<ErrorCardCountDocument> CountsIndex() =>
        new(Builders<ErrorCardCountDocument>.IndexKeys.Ascending(d => d.TenantId), new CreateIndexOptions { Name = "tenant_cards" });

    public const string RebuildLeaseId = "error-card-counts-rebuild";

    private static readonly FilterDefinitionBuilder<RebuildLeaseDocument> LeaseFilter = Builders<RebuildLeaseDocument>.Filter;

    /// <summary>The rebuild lease when <paramref name="owner"/> holds it or it ran out by the server's clock (no clock skew between hosts).</summary>
    public static FilterDefinition<RebuildLeaseDocument> LeaseFreeFor(string owner) =>
        LeaseFilter.Eq(d => d.Id, RebuildLeaseId)
        & (LeaseFilter.Eq(d => d.Owner, owner)
           | new BsonDocumentFilterDefinition<RebuildLeaseDocument>(new BsonDocument("$expr", new BsonDocument("$lte", new BsonArray { "$leaseUntil", "$$NOW" }))));

    public static FilterDefinition<RebuildLeaseDocument> LeaseHeldBy(string owner) =>
        LeaseFilter.Eq(d => d.Id, RebuildLeaseId) & LeaseFilter.Eq(d => d.Owner, owner);

    /// <summary>Takes or renews the lease until the server's now plus <paramref name="lease"/>.</summary>
    public static UpdateDefinition<RebuildLeaseDocument> TakeLease(string owner, TimeSpan lease) =>
        Builders<RebuildLeaseDocument>.Update.Pipeline(new BsonDocumentStagePipelineDefinition<RebuildLeaseDocument, RebuildLeaseDocument>(
        [
            new BsonDocument("$set", new BsonDocument
            {
                { "owner", owner },
                { "leaseUntil", new BsonDocument("$add", new BsonArray { "$$NOW", (long)lease.TotalMilliseconds }) },
            }),
        ]));

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

using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The aggregation behind <see cref="IUnknownErrorGroupQueries"/>: current unknown errors grouped by fingerprint on the server.</summary>
internal static class UnknownErrorGroupPipeline
{
    /// <summary>
    /// <c>$match</c> the tenant's current unknown errors (served by the <c>error_cards</c> index), <c>$group</c> by fingerprint
    /// and record (so that records count once), <c>$group</c> by fingerprint, keeping the error seen last through
    /// <c>$max</c> of a document that starts with the last-seen time, then the most errors first.
    /// </summary>
    public static PipelineDefinition<SyncErrorDocument, UnknownErrorGroupDocument> For(string tenantId, int limit)
    {
        var filter = Builders<SyncErrorDocument>.Filter;
        var current = filter.Eq(d => d.TenantId, tenantId)
            & filter.In(d => d.State, SyncErrorStates.Current)
            & filter.Eq(d => d.Category, ErrorCatalog.OtherCategory)
            & filter.Eq(d => d.ErrorType, ErrorCatalog.UnknownType);
        var fingerprint = Element<SyncErrorDocument>(nameof(SyncErrorDocument.Fingerprint));
        var recordKey = Element<SyncErrorDocument>(nameof(SyncErrorDocument.RecordKey));
        var currentErrors = Element<UnknownErrorGroupDocument>(nameof(UnknownErrorGroupDocument.CurrentErrors));
        var affectedRecords = Element<UnknownErrorGroupDocument>(nameof(UnknownErrorGroupDocument.AffectedRecords));
        var last = Element<UnknownErrorGroupDocument>(nameof(UnknownErrorGroupDocument.Last));
        var sample = new BsonDocument
        {
            { Element<UnknownErrorSampleDocument>(nameof(UnknownErrorSampleDocument.LastSeen)), $"${Element<SyncErrorDocument>(nameof(SyncErrorDocument.LastSeen))}" },
            { Element<UnknownErrorSampleDocument>(nameof(UnknownErrorSampleDocument.StatusCode)), $"${Element<SyncErrorDocument>(nameof(SyncErrorDocument.StatusCode))}" },
            { Element<UnknownErrorSampleDocument>(nameof(UnknownErrorSampleDocument.Message)), $"${Element<SyncErrorDocument>(nameof(SyncErrorDocument.Message))}" },
        };

        var perRecord = new BsonDocument("$group", new BsonDocument
        {
            { "_id", new BsonDocument { { "fingerprint", $"${fingerprint}" }, { "record", $"${recordKey}" } } },
            { currentErrors, new BsonDocument("$sum", 1) },
            { last, new BsonDocument("$max", sample) },
        });
        var perFingerprint = new BsonDocument("$group", new BsonDocument
        {
            { "_id", "$_id.fingerprint" },
            { currentErrors, new BsonDocument("$sum", $"${currentErrors}") },
            { affectedRecords, new BsonDocument("$sum", 1) },
            { last, new BsonDocument("$max", $"${last}") },
        });
        var byImpact = new BsonDocument("$sort", new BsonDocument
        {
            { currentErrors, -1 },
            { $"{last}.{Element<UnknownErrorSampleDocument>(nameof(UnknownErrorSampleDocument.LastSeen))}", -1 },
            { "_id", 1 },
        });

        return new EmptyPipelineDefinition<SyncErrorDocument>()
            .Match(current)
            .AppendStage<SyncErrorDocument, SyncErrorDocument, BsonDocument>(perRecord)
            .AppendStage<SyncErrorDocument, BsonDocument, BsonDocument>(perFingerprint)
            .AppendStage<SyncErrorDocument, BsonDocument, BsonDocument>(byImpact)
            .Limit(limit)
            .As<SyncErrorDocument, BsonDocument, UnknownErrorGroupDocument>();
    }

    private static string Element<TDocument>(string member) => MongoMappings.ElementName<TDocument>(member);
}

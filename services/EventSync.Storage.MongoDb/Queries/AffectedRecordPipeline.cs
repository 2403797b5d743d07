using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The aggregation behind <see cref="IAffectedRecordQueries"/>: current errors grouped by record on the server.</summary>
internal static class AffectedRecordPipeline
{
    /// <summary>Grouping may pass the 100 MB a stage may hold in memory on a large tenant: let it spill to disk.</summary>
    public static AggregateOptions Options { get; } = new() { AllowDiskUse = true };

    /// <summary>The current errors a query asks for; null when its state filter asks for resolved errors only.</summary>
    public static FilterDefinition<SyncErrorDocument>? CurrentErrors(ErrorQuery query)
    {
        if (query.State is { } state)
        {
            return SyncErrorStates.Current.Contains(state) ? SyncErrorQueries.Matching(query) : null;
        }

        return SyncErrorQueries.Matching(query) & Builders<SyncErrorDocument>.Filter.In(d => d.State, SyncErrorStates.Current);
    }

    /// <summary>
    /// <c>$match</c> the current errors, <c>$group</c> by record key (the smallest object type, any HubSpot and Salesforce id
    /// — <c>$max</c> skips missing ones — and the set of error types), <c>$sort</c> by record key.
    /// </summary>
    public static PipelineDefinition<SyncErrorDocument, AffectedRecordDocument> For(FilterDefinition<SyncErrorDocument> currentErrors)
    {
        var objectType = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.ObjectType));
        var hubSpotId = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.HubSpotId));
        var salesforceId = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.SalesforceId));
        var errorType = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.ErrorType));
        var recordKey = MongoMappings.ElementName<SyncErrorDocument>(nameof(SyncErrorDocument.RecordKey));

        var perRecord = new BsonDocument("$group", new BsonDocument
        {
            { "_id", $"${recordKey}" },
            { MongoMappings.ElementName<AffectedRecordDocument>(nameof(AffectedRecordDocument.ObjectType)), new BsonDocument("$min", $"${objectType}") },
            { MongoMappings.ElementName<AffectedRecordDocument>(nameof(AffectedRecordDocument.HubSpotId)), new BsonDocument("$max", $"${hubSpotId}") },
            { MongoMappings.ElementName<AffectedRecordDocument>(nameof(AffectedRecordDocument.SalesforceId)), new BsonDocument("$max", $"${salesforceId}") },
            { MongoMappings.ElementName<AffectedRecordDocument>(nameof(AffectedRecordDocument.ErrorTypes)), new BsonDocument("$addToSet", $"${errorType}") },
        });

        return new EmptyPipelineDefinition<SyncErrorDocument>()
            .Match(currentErrors)
            .AppendStage<SyncErrorDocument, SyncErrorDocument, AffectedRecordDocument>(perRecord)
            .Sort(Builders<AffectedRecordDocument>.Sort.Ascending(d => d.Id));
    }
}

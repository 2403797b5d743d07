using EventSync.Storage.MongoDb.Documents;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>The filters, updates and index of the outbox kept in the documents of <c>sync_errors</c>.</summary>
internal static class OutboxQueries
{
    /// <summary>The ids of the waiting messages, as the index and the filters name them.</summary>
    public const string MessageIds = "outbox.messageId";

    private static readonly FilterDefinitionBuilder<SyncErrorDocument> Filter = Builders<SyncErrorDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<SyncErrorDocument> Update = Builders<SyncErrorDocument>.Update;

    /// <summary>Oldest first: an ascending sort on an array field takes each document's smallest (oldest) message id.</summary>
    public static SortDefinition<SyncErrorDocument> OldestFirst { get; } = Builders<SyncErrorDocument>.Sort.Ascending(MessageIds);

    public static FilterDefinition<SyncErrorDocument> Waiting() => Filter.Exists(MessageIds);

    /// <summary>Documents with waiting messages that no live lease holds.</summary>
    public static FilterDefinition<SyncErrorDocument> Claimable(DateTimeOffset now) =>
        Waiting() & (Filter.Eq(d => d.OutboxLeaseUntil, null) | Filter.Lte(d => d.OutboxLeaseUntil, now));

    public static FilterDefinition<SyncErrorDocument> ClaimableById(string errorId, DateTimeOffset now) =>
        Filter.Eq(d => d.Id, errorId) & Claimable(now);

    public static UpdateDefinition<SyncErrorDocument> Lease(DateTimeOffset until) => Update.Set(d => d.OutboxLeaseUntil, until);

    public static FilterDefinition<SyncErrorDocument> Holding(IEnumerable<string> messageIds) => Filter.In(MessageIds, messageIds);

    /// <summary>Takes the published messages out; the lease ends, so what was queued meanwhile goes with the next claim.</summary>
    public static UpdateDefinition<SyncErrorDocument> Remove(IReadOnlyCollection<string> messageIds) =>
        Update.PullFilter(d => d.Outbox, Builders<OutboxEntryDocument>.Filter.In(e => e.MessageId, messageIds)).Unset(d => d.OutboxLeaseUntil);

    public static UpdateDefinition<SyncErrorDocument> EndLease() => Update.Unset(d => d.OutboxLeaseUntil);

    /// <summary>The number of waiting messages over every document that has some.</summary>
    public static PipelineDefinition<SyncErrorDocument, BsonDocument> CountWaiting() => new BsonDocument[]
    {
        new("$match", new BsonDocument(MessageIds, new BsonDocument("$exists", true))),
        new("$group", new BsonDocument { { "_id", BsonNull.Value }, { "count", new BsonDocument("$sum", new BsonDocument("$size", "$outbox")) } }),
    };

    /// <summary>Only documents with waiting messages are in the index: it stays as small as the outbox.</summary>
    public static CreateIndexModel<SyncErrorDocument> Index() =>
        new(
            Builders<SyncErrorDocument>.IndexKeys.Ascending(MessageIds),
            new CreateIndexOptions<SyncErrorDocument> { Name = "outbox", PartialFilterExpression = Waiting() });
}

using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// A TTL index whose retention comes from the options (finished resync requests, the audit trail): created with the
/// other indexes; a changed retention is applied to the existing index with <c>collMod</c>.
/// </summary>
internal static class MongoTtlRetention
{
    private const int IndexOptionsConflict = 85;

    public static async Task EnsureAsync<TDocument>(
        MongoStoreContext context, IMongoCollection<TDocument> collection, CreateIndexModel<TDocument> index, TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            await collection.Indexes.CreateOneAsync(index, cancellationToken: cancellationToken);
        }
        catch (MongoCommandException e) when (e.Code == IndexOptionsConflict)
        {
            var change = ChangeRetention(collection.CollectionNamespace.CollectionName, index.Options.Name, retention);
            await context.Database.RunCommandAsync<BsonDocument>(change, cancellationToken: cancellationToken);
        }
    }

    /// <summary>The <c>collMod</c> that gives the existing TTL index <paramref name="indexName"/> another retention.</summary>
    public static BsonDocument ChangeRetention(string collection, string indexName, TimeSpan retention) => new()
    {
        { "collMod", collection },
        { "index", new BsonDocument { { "name", indexName }, { "expireAfterSeconds", (long)retention.TotalSeconds } } },
    };
}

using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// Finished resync requests are kept for <see cref="MongoStoreOptions.FinishedResyncRetention"/>, then removed by the TTL
/// index on <c>finishedAt</c>; a changed retention is applied to the existing index with <c>collMod</c>.
/// </summary>
internal static class MongoResyncRetention
{
    private const int IndexOptionsConflict = 85;

    public static async Task EnsureAsync(MongoStoreContext context, TimeSpan retention, CancellationToken cancellationToken)
    {
        try
        {
            await context.Requests.Indexes.CreateOneAsync(ResyncQueries.FinishedExpiryIndex(retention), cancellationToken: cancellationToken);
        }
        catch (MongoCommandException e) when (e.Code == IndexOptionsConflict)
        {
            await context.Database.RunCommandAsync<BsonDocument>(ResyncQueries.ChangeRetention(retention), cancellationToken: cancellationToken);
        }
    }
}

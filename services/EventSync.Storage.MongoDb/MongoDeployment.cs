using MongoDB.Bson;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The supported deployment: a replica set (one node is enough) or a sharded cluster, the servers with transactions and
/// retryable writes. A standalone server has neither, so the store refuses it at start-up instead of drifting later.
/// </summary>
internal static class MongoDeployment
{
    /// <summary>Asks the server what it is (the <c>hello</c> command) and throws when it is not supported.</summary>
    public static async Task EnsureSupportedAsync(IMongoDatabase database, CancellationToken cancellationToken)
    {
        var hello = await database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken);
        if (Refusal(hello) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }
    }

    /// <summary>Why the server named by the <c>hello</c> reply cannot hold the store; null when it can.</summary>
    public static string? Refusal(BsonDocument hello)
    {
        ArgumentNullException.ThrowIfNull(hello);
        var replicaSet = hello.Contains("setName");
        var router = hello.TryGetValue("msg", out var msg) && msg == "isdbgrid";
        if (!replicaSet && !router)
        {
            return $"ConnectionStrings:{MongoStoreOptions.ConnectionStringName} names a standalone MongoDB server: the store needs a replica set " +
                "(a single node is enough: start mongod with --replSet rs0 and run rs.initiate() once) for its transactions and retryable writes.";
        }

        if (!hello.Contains("logicalSessionTimeoutMinutes"))
        {
            return $"ConnectionStrings:{MongoStoreOptions.ConnectionStringName} names a MongoDB deployment without sessions: the store needs them for its transactions.";
        }

        return null;
    }
}

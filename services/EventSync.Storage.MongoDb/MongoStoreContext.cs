using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// What every MongoDB store shares: the database, its collections by name, and one way to retry a write that another
/// writer won (optimistic concurrency: a write conditional on the version or state read).
/// </summary>
public sealed class MongoStoreContext
{
    /// <summary>The server's code for a unique-index violation, as command errors (findAndModify, upserts) carry it.</summary>
    public const int DuplicateKeyCode = 11000;

    public MongoStoreContext(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        MongoMappings.EnsureRegistered();
        Database = database;
    }

    public IMongoDatabase Database { get; }

    internal IMongoCollection<SyncErrorDocument> Errors => Collection<SyncErrorDocument>(MongoCollectionNames.SyncErrors);

    internal IMongoCollection<ApiUsageDocument> Usage => Collection<ApiUsageDocument>(MongoCollectionNames.ApiUsage);

    internal IMongoCollection<NotificationSettingsDocument> Settings => Collection<NotificationSettingsDocument>(MongoCollectionNames.NotificationSettings);

    internal IMongoCollection<ViewDocument> Views => Collection<ViewDocument>(MongoCollectionNames.Views);

    internal IMongoCollection<DigestClaimDocument> DigestClaims => Collection<DigestClaimDocument>(MongoCollectionNames.DigestClaims);

    internal IMongoCollection<AlertWindowDocument> AlertWindows => Collection<AlertWindowDocument>(MongoCollectionNames.AlertWindows);

    internal IMongoCollection<ResyncRequestDocument> Requests => Collection<ResyncRequestDocument>(MongoCollectionNames.ResyncRequests);

    internal IMongoCollection<BudgetDocument> Budgets => Collection<BudgetDocument>(MongoCollectionNames.ResyncBudgets);

    internal IMongoCollection<TransientRetryDocument> Retries => Collection<TransientRetryDocument>(MongoCollectionNames.TransientRetries);

    internal IMongoCollection<ErrorCardCountDocument> CardCounts => Collection<ErrorCardCountDocument>(MongoCollectionNames.ErrorCardCounts);

    internal IMongoCollection<ErrorCardRecordDocument> CardRecords => Collection<ErrorCardRecordDocument>(MongoCollectionNames.ErrorCardRecords);

    internal IMongoCollection<StoreMetaDocument> Meta => Collection<StoreMetaDocument>(MongoCollectionNames.StoreMeta);

    /// <summary>
    /// Runs <paramref name="attempt"/> until it reports done, at most <paramref name="maxAttempts"/> times, backing off at
    /// random between tries (writers that lost to each other would collide again if they retried in step); throws when
    /// other writers won every time. <paramref name="what"/> names the change for that message.
    /// </summary>
    internal static async Task<T> RetryAsync<T>(string what, int maxAttempts, Func<Task<(bool Done, T Result)>> attempt, CancellationToken cancellationToken)
    {
        for (var tried = 1; tried <= maxAttempts; tried++)
        {
            if (tried > 1)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(5 << tried, 250) * (0.5 + Random.Shared.NextDouble())), cancellationToken);
            }

            var (done, result) = await attempt();
            if (done)
            {
                return result;
            }
        }

        throw new InvalidOperationException($"{what}: other writers changed it {maxAttempts} times in a row.");
    }

    private IMongoCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);
}

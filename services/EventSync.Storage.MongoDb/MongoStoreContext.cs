using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// What every MongoDB store shares: the database (primary reads, majority writes, whatever the connection string says),
/// its collections by name, one way to retry a write that another writer won (optimistic concurrency: a write
/// conditional on the version or state read), and one way to write several documents atomically (a transaction).
/// </summary>
public sealed class MongoStoreContext
{
    /// <summary>The server's code for a unique-index violation, as command errors (findAndModify, upserts) carry it.</summary>
    public const int DuplicateKeyCode = 11000;

    /// <summary>
    /// A transaction reads one snapshot and commits on a majority: a document another writer changed after that snapshot
    /// makes the write conflict, and the driver runs the transaction again.
    /// </summary>
    internal static readonly TransactionOptions Atomic = new(ReadConcern.Snapshot, ReadPreference.Primary, WriteConcern.WMajority);

    public MongoStoreContext(IMongoDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        MongoMappings.EnsureRegistered();
        // Version-guarded writes must read what they overwrite, and their matched counts need an acknowledgement: a
        // readPreference=secondary or w=0 in the connection string would break both, so the store pins its own.
        Database = database.WithReadPreference(ReadPreference.Primary).WithWriteConcern(WriteConcern.WMajority);
    }

    public IMongoDatabase Database { get; }

    internal IMongoCollection<SyncErrorDocument> Errors => Collection<SyncErrorDocument>(MongoCollectionNames.SyncErrors);

    internal IMongoCollection<ApiUsageDocument> Usage => Collection<ApiUsageDocument>(MongoCollectionNames.ApiUsage);

    internal IMongoCollection<NotificationSettingsDocument> Settings => Collection<NotificationSettingsDocument>(MongoCollectionNames.NotificationSettings);

    internal IMongoCollection<ViewDocument> Views => Collection<ViewDocument>(MongoCollectionNames.Views);

    internal IMongoCollection<RecordLinkSettingsDocument> RecordLinks => Collection<RecordLinkSettingsDocument>(MongoCollectionNames.RecordLinkSettings);

    internal IMongoCollection<AuditEntryDocument> Audit => Collection<AuditEntryDocument>(MongoCollectionNames.AuditEntries);

    internal IMongoCollection<DigestClaimDocument> DigestClaims => Collection<DigestClaimDocument>(MongoCollectionNames.DigestClaims);

    internal IMongoCollection<AlertWindowDocument> AlertWindows => Collection<AlertWindowDocument>(MongoCollectionNames.AlertWindows);

    internal IMongoCollection<ResyncRequestDocument> Requests => Collection<ResyncRequestDocument>(MongoCollectionNames.ResyncRequests);

    internal IMongoCollection<BudgetDocument> Budgets => Collection<BudgetDocument>(MongoCollectionNames.ResyncBudgets);

    internal IMongoCollection<TransientRetryDocument> Retries => Collection<TransientRetryDocument>(MongoCollectionNames.TransientRetries);

    internal IMongoCollection<ErrorCardCountDocument> CardCounts => Collection<ErrorCardCountDocument>(MongoCollectionNames.ErrorCardCounts);

    internal IMongoCollection<ErrorCardRecordDocument> CardRecords => Collection<ErrorCardRecordDocument>(MongoCollectionNames.ErrorCardRecords);

    internal IMongoCollection<WebhookEndpointsDocument> WebhookEndpoints => Collection<WebhookEndpointsDocument>(MongoCollectionNames.WebhookEndpoints);

    internal IMongoCollection<WebhookDeliveryDocument> WebhookDeliveries => Collection<WebhookDeliveryDocument>(MongoCollectionNames.WebhookDeliveries);

    internal IMongoCollection<StoreMetaDocument> Meta => Collection<StoreMetaDocument>(MongoCollectionNames.StoreMeta);

    internal IMongoCollection<RebuildLeaseDocument> Leases => Collection<RebuildLeaseDocument>(MongoCollectionNames.StoreMeta);

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

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction: everything it writes is committed together or not at all. The
    /// driver runs it again on transient errors (a write conflict, a primary that stepped down) and retries an unknown
    /// commit result; a write that lost a race (a duplicate key on a version-guarded upsert, or
    /// <see cref="LostWriteRaceException"/>) aborts the transaction and the whole of it is tried again, at most
    /// <paramref name="maxAttempts"/> times. <paramref name="work"/> may run more than once: it must not change anything
    /// outside the database, only return what it did.
    /// </summary>
    internal Task<T> AtomicallyAsync<T>(string what, int maxAttempts, Func<IClientSessionHandle, CancellationToken, Task<T>> work, CancellationToken cancellationToken) =>
        RetryAsync(
            what,
            maxAttempts,
            async () =>
            {
                try
                {
                    using var session = await Database.Client.StartSessionAsync(cancellationToken: cancellationToken);
                    return (true, await session.WithTransactionAsync(work, Atomic, cancellationToken));
                }
                catch (Exception e) when (LostRace(e))
                {
                    return (false, default(T)!);
                }
            },
            cancellationToken);

    private static bool LostRace(Exception e) => e switch
    {
        LostWriteRaceException => true,
        MongoBulkWriteException bulk => bulk.WriteConcernError is null && bulk.WriteErrors.Count > 0
            && bulk.WriteErrors.All(w => w.Category == ServerErrorCategory.DuplicateKey),
        MongoWriteException write => write.WriteError?.Category == ServerErrorCategory.DuplicateKey,
        MongoCommandException command => command.Code == DuplicateKeyCode,
        _ => false,
    };

    private IMongoCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);
}

using System.Collections.Concurrent;
using EventSync.Core.Errors;
using EventSync.Storage.MongoDb;
using EventSync.Storage.Tests.Contract;
using Microsoft.Extensions.DependencyInjection;
using MongoDB.Bson;
using MongoDB.Driver;
using MongoDB.Driver.Core.Events;

namespace EventSync.Storage.Tests.MongoDb;

/// <summary>
/// Faults injected by the server itself (the <c>failCommand</c> fail point, aimed at the store's own client by its
/// application name) between the steps of a write: an error and its card counters are committed together or not at all,
/// and the redelivered message then counts each error exactly once. Needs a server started with
/// <c>--setParameter enableTestCommands=1</c> (the GitHub Actions workflow starts one so); skipped, with the reason, elsewhere.
/// </summary>
public sealed class MongoFaultPointTests(MongoTestServer server) : IClassFixture<MongoTestServer>
{
    private const string Tenant = SyncFailureBuilder.DefaultTenant;
    private const int UnknownError = 8;
    private const int WriteConflict = 112;
    private static readonly DateTimeOffset T0 = SyncFailureBuilder.Start;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // Three records failing two rules each: six errors on two cards of three records.
    private static IReadOnlyList<FailureOccurrence> SixErrors() =>
        [.. new[] { "101", "102", "103" }.SelectMany((id, i) => SyncFailureBuilder.Contact(id).Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).At(T0.AddSeconds(i)).BuildOccurrences())];

    [Fact]
    public async Task Should_keep_neither_the_errors_nor_their_counters_when_the_counter_write_fails_after_the_errors_were_written()
    {
        var (store, application, failed) = await StartAsync();
        await using var _ = store;

        // The errors' bulk write is the transaction's first update; the card rows' write, its second, fails.
        await using (await FailPointAsync(application, new BsonDocument("skip", 1), "update", new BsonDocument("errorCode", UnknownError)))
        {
            await Assert.ThrowsAnyAsync<MongoException>(() => store.Errors.RecordAsync(SixErrors(), Ct));
        }

        Assert.Equal(1, Failures(failed, "update"));

        Assert.Equal(0, await DocumentsAsync(store, "sync_errors"));
        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal(0, await DocumentsAsync(store, "error_card_records"));

        // The message comes again: every error is counted, once.
        Assert.Equal(6, (await store.Errors.RecordAsync(SixErrors(), Ct)).Count);
        await AssertCountedOnceAsync(store, errors: 6, perCard: 3);
    }

    [Fact]
    public async Task Should_run_the_whole_write_again_and_count_once_when_a_write_of_the_transaction_meets_a_transient_conflict()
    {
        var (store, application, failed) = await StartAsync();
        await using var _ = store;
        var transient = new BsonDocument { { "errorCode", WriteConflict }, { "errorLabels", new BsonArray { "TransientTransactionError" } } };

        await using (await FailPointAsync(application, new BsonDocument("times", 2), "update", transient))
        {
            Assert.Equal(6, (await store.Errors.RecordAsync(SixErrors(), Ct)).Count);
        }

        Assert.Equal(2, Failures(failed, "update"));

        await AssertCountedOnceAsync(store, errors: 6, perCard: 3);
    }

    [Fact]
    public async Task Should_commit_once_and_count_once_when_the_connection_is_lost_at_the_commit()
    {
        var (store, application, failed) = await StartAsync();
        await using var _ = store;

        await using (await FailPointAsync(application, new BsonDocument("times", 1), "commitTransaction", new BsonDocument("closeConnection", true)))
        {
            Assert.Equal(6, (await store.Errors.RecordAsync(SixErrors(), Ct)).Count);
        }

        Assert.Equal(1, Failures(failed, "commitTransaction"));

        await AssertCountedOnceAsync(store, errors: 6, perCard: 3);
    }

    [Fact]
    public async Task Should_leave_the_errors_open_and_counted_when_the_counter_write_of_their_resolution_fails()
    {
        var (store, application, failed) = await StartAsync();
        await using var _ = store;
        await store.Errors.RecordAsync(SixErrors(), Ct);
        var synced = new RecordResolution(Tenant, "contact", "101", null, T0.AddMinutes(5));

        // The resolution updates the record's two errors one by one, then writes the card rows: the third update fails.
        await using (await FailPointAsync(application, new BsonDocument("skip", 2), "update", new BsonDocument("errorCode", UnknownError)))
        {
            await Assert.ThrowsAnyAsync<MongoException>(() => store.Errors.ResolveRecordsAsync([synced], Ct));
        }

        Assert.Equal(1, Failures(failed, "update"));

        await AssertCountedOnceAsync(store, errors: 6, perCard: 3);
        Assert.Equal(6, await OpenErrorsAsync(store));

        Assert.Equal(2, await store.Errors.ResolveRecordsAsync([synced], Ct));
        await AssertCountedOnceAsync(store, errors: 4, perCard: 2);
    }

    /// <summary>A store whose client names itself to the server (for the fail point) and notes the commands that failed.</summary>
    private async Task<(ServerStore Store, string Application, ConcurrentQueue<string> Failed)> StartAsync()
    {
        var application = $"faults-{Guid.NewGuid():N}";
        var failed = new ConcurrentQueue<string>();
        var store = await ServerStore.StartAsync(server, Ct, settings =>
        {
            settings.ApplicationName = application;
            settings.ClusterConfigurator = cluster => cluster.Subscribe<CommandFailedEvent>(e => failed.Enqueue(e.CommandName));
        });
        return (store, application, failed);
    }

    /// <summary>The counters as read, equal to a count of the errors, and the number of errors stored.</summary>
    private static async Task AssertCountedOnceAsync(ServerStore store, int errors, int perCard)
    {
        var cards = await store.Errors.GetErrorCardsAsync(Tenant, Ct);
        Assert.Equal(2, cards.Count);
        Assert.All(cards, c => Assert.Equal((perCard, perCard), (c.CurrentErrors, c.AffectedRecords)));
        Assert.Equal(cards, await store.Recount.RecountAsync(Tenant, Ct));
        Assert.Equal(6, await DocumentsAsync(store, "sync_errors"));
        Assert.Equal(errors, await OpenErrorsAsync(store));
        var stored = await store.Errors.GetAsync(Tenant, SixErrors()[0].ErrorId, Ct);
        Assert.Equal(1, stored!.Occurrences);
    }

    // The fail point's own failures: the driver's abort of a transaction the server already ended may fail as well.
    private static int Failures(IEnumerable<string> failed, string command) => failed.Count(name => name == command);

    private static Task<long> DocumentsAsync(ServerStore store, string collection) =>
        store.Services.GetRequiredService<MongoStoreContext>().Database.GetCollection<BsonDocument>(collection).CountDocumentsAsync(FilterDefinition<BsonDocument>.Empty, cancellationToken: Ct);

    private static async Task<int> OpenErrorsAsync(ServerStore store) =>
        (await store.Services.GetRequiredService<ISyncErrorQueries>().ListAsync(new ErrorQuery(Tenant) { State = SyncErrorState.Open }, null, 100, Ct)).Errors.Count;

    /// <summary>
    /// Turns the <c>failCommand</c> fail point on for <paramref name="commands"/> of the client named
    /// <paramref name="application"/> alone, until disposed; skips the test when the server does not take test commands.
    /// </summary>
    private async Task<FailPoint> FailPointAsync(string application, BsonDocument mode, string commands, BsonDocument behaviour)
    {
        var admin = server.Client!.GetDatabase("admin");
        var data = new BsonDocument { { "failCommands", new BsonArray { commands } }, { "appName", application } }.AddRange(behaviour);
        try
        {
            await admin.RunCommandAsync<BsonDocument>(new BsonDocument { { "configureFailPoint", "failCommand" }, { "mode", mode }, { "data", data } }, cancellationToken: Ct);
        }
        catch (MongoCommandException e) when (e.Code == 59 || e.Message.Contains("configureFailPoint", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Skip($"The MongoDB server does not take test commands (start it with --setParameter enableTestCommands=1): {e.Message}");
        }

        return new FailPoint(admin);
    }

    private sealed class FailPoint(IMongoDatabase admin) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await admin.RunCommandAsync<BsonDocument>(new BsonDocument { { "configureFailPoint", "failCommand" }, { "mode", "off" } }, cancellationToken: CancellationToken.None);
    }
}

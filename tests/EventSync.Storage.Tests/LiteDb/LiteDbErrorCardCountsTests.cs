using EventSync.Core.Storage;
using EventSync.Storage.LiteDb;
using EventSync.Storage.Tests.Contract;
using LiteDB;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.Tests.LiteDb;

// Files written before the card counters existed have none: the store rebuilds them at start.
public sealed class LiteDbErrorCardCountsTests
{
    private const string Tenant = SyncFailureBuilder.DefaultTenant;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_rebuild_the_cards_at_start_when_the_file_has_no_counters()
    {
        using var dataDir = new TemporaryDataDir();
        var expected = await FillAsync(dataDir);

        Edit(dataDir, database =>
        {
            Assert.True(database.DropCollection("error_card_counts"));
            Assert.True(database.DropCollection("error_card_records"));
            Assert.True(database.DropCollection("store_meta"));
        });

        using var store = Open(dataDir);
        Assert.Empty(await store.GetErrorCardsAsync(Tenant, Ct));
        await store.InitializeAsync(Ct);

        Assert.Equal(expected, await store.GetErrorCardsAsync(Tenant, Ct));
        await ResolveAsync(store, "102");
        Assert.Equal(expected[0] with { CurrentErrors = expected[0].CurrentErrors - 2, AffectedRecords = expected[0].AffectedRecords - 1 },
            (await store.GetErrorCardsAsync(Tenant, Ct))[0]);
    }

    [Fact]
    public async Task Should_replace_stale_counters_at_start_when_the_marker_is_missing()
    {
        using var dataDir = new TemporaryDataDir();
        var expected = await FillAsync(dataDir);

        Edit(dataDir, database =>
        {
            var counts = database.GetCollection("error_card_counts");
            foreach (var count in counts.FindAll().ToList())
            {
                count["errors"] = 999L;
                counts.Update(count);
            }

            database.GetCollection("error_card_records").DeleteAll();
            Assert.True(database.DropCollection("store_meta"));
        });

        using var store = Open(dataDir);
        Assert.All(await store.GetErrorCardsAsync(Tenant, Ct), c => Assert.Equal(999, c.CurrentErrors));
        await store.InitializeAsync(Ct);

        Assert.Equal(expected, await store.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_the_counters_at_start_when_the_marker_is_there()
    {
        using var dataDir = new TemporaryDataDir();
        var expected = await FillAsync(dataDir);
        Edit(dataDir, database => Assert.Equal(1, database.GetCollection("store_meta").Count()));

        using var store = Open(dataDir);
        await store.InitializeAsync(Ct);
        await store.InitializeAsync(Ct);

        Assert.Equal(expected, await store.GetErrorCardsAsync(Tenant, Ct));
    }

    // Three records, one of them failing as contact and company; one transient error never surfaced.
    private static async Task<IReadOnlyList<ErrorCard>> FillAsync(TemporaryDataDir dataDir)
    {
        using var store = Open(dataDir);
        await store.InitializeAsync(Ct);
        var failures = new[]
        {
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("102").As("company").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.RowLock).Build(),
            SyncFailureBuilder.Contact("104").Failing(SalesforceErrors.InvalidEmail).Build(),
        };
        await store.RecordAsync([.. failures.SelectMany(SyncFailureBuilder.Occurrences)], Ct);
        await ResolveAsync(store, "104");
        var cards = await store.GetErrorCardsAsync(Tenant, Ct);
        Assert.Equal([(3L, 2L), (1L, 1L)], cards.Select(c => (c.CurrentErrors, c.AffectedRecords)));
        return cards;
    }

    private static async Task ResolveAsync(LiteDbSyncErrorStore store, string hubSpotId)
    {
        foreach (var objectType in new[] { "contact", "company" })
        {
            await store.ResolveRecordsAsync([new RecordResolution(Tenant, objectType, hubSpotId, null, SyncFailureBuilder.Start.AddHours(1))], Ct);
        }
    }

    // The file as another tool (or an older version of the store) leaves it: opened directly, the store closed.
    private static void Edit(TemporaryDataDir dataDir, Action<LiteDatabase> edit)
    {
        using var database = new LiteDatabase(new ConnectionString { Filename = Path.Combine(dataDir.Path, LiteDbSyncErrorStore.FileName), Connection = ConnectionType.Direct });
        edit(database);
    }

    private static LiteDbSyncErrorStore Open(TemporaryDataDir dataDir) =>
        new(Options.Create(new LiteDbStoreOptions { DataDir = dataDir.Path }));
}

using EventSync.Core.Storage;
using EventSync.Storage.LiteDb;
using EventSync.Storage.LiteDb.Extensions;
using EventSync.Storage.Tests.Contract;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Storage.Tests.LiteDb;

public sealed class LiteDbSyncErrorStoreTests : SyncErrorStoreContract
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected override Task<StoreUnderTest> CreateStoreAsync()
    {
        var dataDir = new TemporaryDataDir();
        var store = Open(dataDir);
        return Task.FromResult(StoreUnderTest.Of(store, () =>
        {
            store.Dispose();
            dataDir.Dispose();
            return ValueTask.CompletedTask;
        }));
    }

    [Fact]
    public async Task Should_keep_errors_and_usage_when_the_file_is_reopened()
    {
        using var dataDir = new TemporaryDataDir();
        var failure = SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.RestrictedPicklist).Build();
        SyncErrorChange recorded;
        using (var store = Open(dataDir))
        {
            await store.InitializeAsync(Ct);
            recorded = Assert.Single(await store.RecordAsync(SyncFailureBuilder.Occurrences(failure), Ct));
            await store.SaveUsageAsync(SyncFailureBuilder.DefaultTenant, 4_800, 15_000, SyncFailureBuilder.Start, Ct);
        }

        using var reopened = Open(dataDir);
        await reopened.InitializeAsync(Ct);

        var error = await reopened.GetAsync(SyncFailureBuilder.DefaultTenant, recorded.Error.Id, Ct);
        Assert.Equal(recorded.Error.Version, error?.Version);
        Assert.Equal(recorded.Error.RawErrors[0].Raw, error?.RawErrors[0].Raw);
        Assert.Single(await reopened.GetErrorCardsAsync(SyncFailureBuilder.DefaultTenant, Ct));
        Assert.Empty(await reopened.RecordAsync(SyncFailureBuilder.Occurrences(failure), Ct));
        Assert.Equal(4_800, (await reopened.GetUsageAsync(SyncFailureBuilder.DefaultTenant, Ct))?.UsedLast24h);
    }

    [Fact]
    public async Task Should_write_nothing_of_the_batch_when_the_bulk_write_fails_part_way()
    {
        using var dataDir = new TemporaryDataDir();
        using var store = Open(dataDir);
        await store.InitializeAsync(Ct);
        var fine = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build();
        // LiteDB refuses a document over 16 MB: the second error of the batch cannot be written.
        var oversized = SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.RequiredFieldMissing with { Message = new string('x', 17 * 1024 * 1024) }).Build();
        var batch = SyncFailureBuilder.Occurrences(fine).Concat(SyncFailureBuilder.Occurrences(oversized)).ToList();

        await Assert.ThrowsAsync<LiteDB.LiteException>(() => store.RecordAsync(batch, Ct));

        Assert.Null(await store.GetAsync(SyncFailureBuilder.DefaultTenant, batch[0].ErrorId, Ct));
        Assert.Empty(await store.GetErrorCardsAsync(SyncFailureBuilder.DefaultTenant, Ct));
        var retried = Assert.Single(await store.RecordAsync(SyncFailureBuilder.Occurrences(fine), Ct));
        Assert.Equal(Contracts.ErrorOccurrence.New, retried.Occurrence);
        var card = Assert.Single(await store.GetErrorCardsAsync(SyncFailureBuilder.DefaultTenant, Ct));
        Assert.Equal((1L, 1L), (card.CurrentErrors, card.AffectedRecords));
    }

    [Fact]
    public void Should_refuse_a_second_store_when_the_file_is_in_use()
    {
        using var dataDir = new TemporaryDataDir();
        using var first = Open(dataDir);

        var second = Record.Exception(() => Open(dataDir).Dispose());

        Assert.IsType<IOException>(second);
        Assert.Contains("one process", second.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_open_the_file_again_when_the_previous_store_was_disposed()
    {
        using var dataDir = new TemporaryDataDir();
        Open(dataDir).Dispose();

        using var reopened = Open(dataDir);

        await reopened.PingAsync(Ct);
        Assert.True(File.Exists(reopened.FilePath));
    }

    [Fact]
    public async Task Should_fail_the_ping_when_the_store_is_closed()
    {
        using var dataDir = new TemporaryDataDir();
        var store = Open(dataDir);
        await store.InitializeAsync(Ct);

        store.Dispose();

        await Assert.ThrowsAnyAsync<Exception>(() => store.PingAsync(Ct));
    }

    [Fact]
    public async Task Should_register_one_store_for_every_interface_when_added_with_a_data_dir_from_configuration()
    {
        using var dataDir = new TemporaryDataDir();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["EventSync:DataDir"] = dataDir.Path })
            .Build();
        await using var provider = new ServiceCollection().AddLiteDbStorage(configuration).BuildServiceProvider();

        var store = provider.GetRequiredService<ISyncErrorStore>();

        Assert.Same(store, provider.GetRequiredService<ISyncErrorQueries>());
        Assert.Same(store, provider.GetRequiredService<IAffectedRecordQueries>());
        Assert.Same(store, provider.GetRequiredService<IApiUsageStore>());
        Assert.Same(store, provider.GetRequiredService<INotificationSettingsStore>());
        Assert.Same(store, provider.GetRequiredService<IViewStore>());
        Assert.Same(store, provider.GetRequiredService<IStoreLifecycle>());
        Assert.Equal(Path.Combine(dataDir.Path, LiteDbSyncErrorStore.FileName), Assert.IsType<LiteDbSyncErrorStore>(store).FilePath);
        Assert.True(File.Exists(Path.Combine(dataDir.Path, LiteDbSyncErrorStore.FileName)));
    }

    [Fact]
    public async Task Should_delete_expired_views_when_a_later_view_is_saved()
    {
        using var dataDir = new TemporaryDataDir();
        using var store = Open(dataDir);
        await store.InitializeAsync(Ct);
        var start = SyncFailureBuilder.Start;
        var filter = new ErrorQuery(SyncFailureBuilder.DefaultTenant);
        await store.SaveAsync(new AffectedRecordsView("short", SyncFailureBuilder.DefaultTenant, filter, start, start.AddHours(1)), Ct);

        await store.SaveAsync(new AffectedRecordsView("later", SyncFailureBuilder.DefaultTenant, filter, start.AddHours(2), start.AddHours(26)), Ct);

        // Asked for as of a time before its expiry: only deletion explains that it is gone.
        Assert.Null(await store.GetAsync(SyncFailureBuilder.DefaultTenant, "short", start, Ct));
        Assert.NotNull(await store.GetAsync(SyncFailureBuilder.DefaultTenant, "later", start.AddHours(3), Ct));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public async Task Should_refuse_a_query_when_it_names_no_tenant(string tenantId)
    {
        using var dataDir = new TemporaryDataDir();
        using var store = Open(dataDir);
        await store.InitializeAsync(Ct);

        await Assert.ThrowsAsync<ArgumentException>(() => store.ListAsync(new ErrorQuery(tenantId), null, 10, Ct));
        Assert.Throws<ArgumentException>(() => store.StreamAsync(new ErrorQuery(tenantId), Ct));
    }

    [Fact]
    public void Should_default_to_the_data_folder_when_no_data_dir_is_configured()
    {
        var configuration = new ConfigurationBuilder().Build();
        using var provider = new ServiceCollection().AddLiteDbStorage(configuration).BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<LiteDbStoreOptions>>().Value;

        Assert.Equal("./data", options.DataDir);
    }

    private static LiteDbSyncErrorStore Open(TemporaryDataDir dataDir) =>
        new(Options.Create(new LiteDbStoreOptions { DataDir = dataDir.Path }));
}

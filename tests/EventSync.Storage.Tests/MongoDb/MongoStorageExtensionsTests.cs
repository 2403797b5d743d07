using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Core.Usage;
using EventSync.Core.Views;
using EventSync.Storage.MongoDb;
using EventSync.Storage.MongoDb.Extensions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MongoDB.Driver;

namespace EventSync.Storage.Tests.MongoDb;

public sealed class MongoStorageExtensionsTests
{
    [Fact]
    public async Task Should_register_one_small_store_per_interface_over_one_context_when_a_connection_string_is_configured()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:1" })
            .Build();
        await using var provider = new ServiceCollection().AddMongoStorage(configuration).BuildServiceProvider();
        Type[] interfaces =
        [
            typeof(ISyncErrorStore), typeof(ISyncErrorQueries), typeof(IAffectedRecordQueries), typeof(IUnknownErrorGroupQueries), typeof(IApiUsageStore),
            typeof(INotificationSettingsStore), typeof(IViewStore), typeof(IDigestClaimStore), typeof(IAlertWindowStore),
            typeof(IStoreLifecycle), typeof(IResyncRequestStore), typeof(IApiBudgetStore), typeof(ITransientRetryStore),
            typeof(Core.Links.IRecordLinkSettingsStore),
        ];

        // No server is contacted: the driver connects on the first operation.
        var resolved = interfaces.Select(provider.GetRequiredService).ToList();

        Assert.Equal(interfaces.Length, resolved.Select(s => s.GetType()).Distinct().Count());
        Assert.All(resolved, store => Assert.Single(store.GetType().GetInterfaces(), i => interfaces.Contains(i)));
        Assert.Equal("eventsync", provider.GetRequiredService<MongoStoreContext>().Database.DatabaseNamespace.DatabaseName);
    }

    [Fact]
    public async Task Should_read_from_the_primary_and_write_to_a_majority_whatever_the_connection_string_says()
    {
        await using var provider = Provider(new() { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:1/?readPreference=secondary&w=0&retryWrites=false" });

        var database = provider.GetRequiredService<MongoStoreContext>().Database;

        Assert.Equal(ReadPreference.Primary, database.Settings.ReadPreference);
        Assert.Equal(WriteConcern.WMajority, database.Settings.WriteConcern);
        Assert.True(provider.GetRequiredService<IMongoClient>().Settings.RetryWrites);
        Assert.Equal((ReadConcern.Snapshot, WriteConcern.WMajority, ReadPreference.Primary), (MongoStoreContext.Atomic.ReadConcern, MongoStoreContext.Atomic.WriteConcern, MongoStoreContext.Atomic.ReadPreference));
    }

    [Fact]
    public async Task Should_keep_finished_resync_requests_thirty_days_when_no_retention_is_configured()
    {
        await using var provider = Provider(new() { ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:1" });

        Assert.Equal(TimeSpan.FromDays(30), provider.GetRequiredService<IOptions<MongoStoreOptions>>().Value.FinishedResyncRetention);
        Assert.IsType<MongoErrorCardRecount>(provider.GetRequiredService<IErrorCardRecount>());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("00:30:00")]
    [InlineData("-1.00:00:00")]
    [InlineData("3651.00:00:00")]
    public async Task Should_refuse_to_start_naming_the_setting_when_the_finished_resync_retention_is_out_of_range(string retention)
    {
        await using var provider = Provider(new()
        {
            ["ConnectionStrings:mongodb"] = "mongodb://127.0.0.1:1",
            ["EventSync:MongoDb:FinishedResyncRetention"] = retention,
        });

        var refused = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<MongoStoreOptions>>().Value);

        Assert.Contains("EventSync:MongoDb:FinishedResyncRetention", refused.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings) =>
        new ServiceCollection().AddMongoStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).BuildServiceProvider();
}

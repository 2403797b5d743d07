using EventSync.Classifier.Extensions;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging;
using EventSync.ServiceDefaults.Storage;
using EventSync.Storage.Sqlite;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Classifier.Tests;

/// <summary>
/// The store goes away: the worker retries the batch with back-off and stores it when the store is back; an outage that
/// outlasts the tries parks the events in the error queue, from which they can be moved back. Runs on the in-memory
/// transport with the classifier's real consumer definitions (the retry policy is the same on every transport).
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TemporaryDataDir _dataDir = new();
    private readonly List<SyncFailureReported> _parked = [];
    private WebApplication? _host;
    private UnreachableStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHosts.StartAsync(Build, TestContext.Current.CancellationToken);
        _store = _host.Services.GetRequiredService<UnreachableStore>();
        var errorQueue = _host.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint("sync-failure-reported_error", e =>
        {
            // Read the error queue only: not a subscriber of SyncFailureReported itself.
            e.ConfigureConsumeTopology = false;
            e.Handler<SyncFailureReported>(context =>
            {
                lock (_parked)
                {
                    _parked.Add(context.Message);
                }

                return Task.CompletedTask;
            });
        });
        await errorQueue.Ready;
    }

    public async ValueTask DisposeAsync()
    {
        await TestHosts.StopAsync(_host);
        _dataDir.Dispose();
    }

    [Fact]
    public async Task Should_store_the_batch_once_the_store_is_back_when_the_outage_is_shorter_than_the_retries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var failure = SyncFailures.ToSalesforce(SyncFailures.NewTenant("outage"), "4711", SyncFailures.DuplicateRule);
        _store.FailNext(2);

        await _host!.Services.GetRequiredService<IBus>().Publish(failure, cancellationToken);

        var cards = await Eventually.MatchesAsync(
            () => _store.GetErrorCardsAsync(failure.TenantId, cancellationToken),
            c => c.Count == 1,
            Deadline,
            "the failure is stored after the store came back");
        Assert.Equal(1, cards[0].CurrentErrors);
        Assert.Equal(3, _store.Attempts);
        Assert.Empty(Parked());
    }

    [Fact]
    public async Task Should_park_the_events_in_the_error_queue_after_the_last_try_when_the_outage_lasts()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var failure = SyncFailures.ToSalesforce(SyncFailures.NewTenant("outage"), "4712", SyncFailures.InvalidEmail);
        _store.FailNext(int.MaxValue);

        await _host!.Services.GetRequiredService<IBus>().Publish(failure, cancellationToken);

        await Eventually.HoldsAsync(() => Task.FromResult(Parked().Any(p => p.EventId == failure.EventId)), Deadline, "the event reaches the error queue");
        Assert.Equal(1 + RetryLimit, _store.Attempts);
        Assert.Empty(await _store.GetErrorCardsAsync(failure.TenantId, cancellationToken));
    }

    private const int RetryLimit = 2;

    private List<SyncFailureReported> Parked()
    {
        lock (_parked)
        {
            return [.. _parked];
        }
    }

    private WebApplication Build() =>
        ServiceHost.Build(
            TestHosts.Arguments(
                $"--EventSync:DataDir={_dataDir.Path}",
                $"--EventSync:Messaging:RetryLimit={RetryLimit}",
                "--EventSync:Messaging:RetryMinInterval=00:00:00.050",
                "--EventSync:Messaging:RetryMaxInterval=00:00:00.200"),
            builder =>
            {
                builder.Services.AddEventSyncStorage(builder.Configuration);
                builder.Services.AddSingleton(sp => new UnreachableStore(new SqliteSyncErrorStore(sp.GetRequiredService<SqliteStoreContext>())));
                builder.Services.AddSingleton<ISyncErrorStore>(sp => sp.GetRequiredService<UnreachableStore>());
                builder.Services.AddClassifier();
                builder.Services.AddEventSyncBus(builder.Configuration, bus => bus.AddClassifierConsumers());
            });
}

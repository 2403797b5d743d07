using EventSync.Core.Errors;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.ServiceDefaults.Messaging;
using EventSync.Storage.Sqlite;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Reliability.Tests;

/// <summary>
/// The store is unavailable for 30 seconds of real time while events arrive on RabbitMQ. The classifier's own retry
/// settings (<see cref="MessagingOptions"/> defaults: 6 tries after the first, exponential back-off from 1 s up to 30 s)
/// hold the batches unacknowledged and write them once the store is back: nothing is lost, nothing parked, nothing doubled.
/// </summary>
public sealed class StoreOutageTests
{
    private const int Records = 500;
    private const int EventsPerRecord = 2;
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_store_every_confirmed_event_exactly_once_when_the_store_is_unavailable_for_30_seconds()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        await using var host = await InProcessClassifier.StartAsync(broker.Uri, dataDir.Path, null, cancellationToken, services =>
        {
            services.AddSingleton(sp => new OutageStore(new SqliteSyncErrorStore(sp.GetRequiredService<SqliteStoreContext>())));
            services.AddSingleton<ISyncErrorStore>(sp => sp.GetRequiredService<OutageStore>());
        });
        var store = host.Services.GetRequiredService<OutageStore>();
        var retry = host.Services.GetRequiredService<IOptions<MessagingOptions>>().Value;
        var published = new PublishedFailures("store-outage");

        store.BeginOutage(Outage);
        await using var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken);
        var publisher = new ConfirmingPublisher(engine);
        await publisher.PublishAllAsync(published.Create(Records, EventsPerRecord), inFlight: 128, cancellationToken);
        var confirmed = publisher.Confirmed.ToList();

        await Eventually.MatchesAsync(
            () => StoredFailures.DifferencesAsync(store, published, confirmed, cancellationToken),
            differences => differences.Count == 0,
            Outage + retry.RetryMaxInterval + Deadline,
            "every confirmed event is stored once after the outage");
        Assert.True(store.FailedWrites >= 3, $"the classifier retried while the store was away ({store.FailedWrites} failed writes)");
        Assert.NotNull(store.FirstWriteAfterOutage);

        await host.StopAsync();
        Assert.Equal(0u, await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken));
        Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, published, confirmed, cancellationToken));
        Assert.Empty(await BrokerQueues.DrainAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken));

        TestReport.Line($"retry: {retry.RetryLimit} tries after the first, {retry.RetryMinInterval.TotalSeconds:0.#} s to {retry.RetryMaxInterval.TotalSeconds:0.#} s; " +
                        $"{confirmed.Count} events, {store.FailedWrites} failed writes at [{string.Join(", ", store.FailedAt.Select(t => $"{t.TotalSeconds:0.0}"))}] s into the {Outage.TotalSeconds:0} s outage; " +
                        $"first write {store.FirstWriteAfterOutage!.Value.TotalSeconds:0.0} s after it ended");
    }
}

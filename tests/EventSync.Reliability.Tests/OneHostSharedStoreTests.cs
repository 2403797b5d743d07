using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Usage;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

namespace EventSync.Reliability.Tests;

/// <summary>
/// Several worker processes on one host share one SQLite store file: two classifier processes count each event once even
/// when its copies reach both, and two resync processes never spend past the budget nor send a part twice. Runs the
/// built services as child processes on the shared broker; the test reads the same file through a store of its own.
/// </summary>
public sealed class OneHostSharedStoreTests
{
    private const int Records = 600;
    private const int EventsPerRecord = 2;
    private const string EngineId = "sf-sync-eu-1";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Should_count_each_event_once_when_two_classifier_processes_share_one_store_file()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        using var http = new HttpClient();
        await using var first = await ServiceProcess.StartReadyAsync("EventSync.Classifier", broker.Uri, dataDir.Path, http, Deadline);
        await using var second = await ServiceProcess.StartReadyAsync("EventSync.Classifier", broker.Uri, dataDir.Path, http, Deadline);
        await using var stores = await StoreFile.OpenAsync(dataDir.Path);
        var published = new PublishedFailures("one-host-classifiers");
        var events = published.Create(Records, EventsPerRecord);

        // Every event twice: once in order, once shuffled, so that copies of one event reach both processes.
        await using (var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken))
        {
            await engine.PublishManyAsync(EnginePublisher.SyncFailures, events, cancellationToken);
            await engine.PublishManyAsync(EnginePublisher.SyncFailures, [.. events.OrderBy(_ => Random.Shared.Next())], cancellationToken);
        }

        var store = stores.GetRequiredService<ISyncErrorStore>();
        await Eventually.MatchesAsync(
            () => StoredFailures.DifferencesAsync(store, published, events, cancellationToken),
            differences => differences.Count == 0,
            Deadline,
            "every event is stored once while both processes write the file");
        await Eventually.HoldsAsync(
            async () => await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken) == 0,
            Deadline,
            "both processes took every copy");
        // A copy taken from the queue may still be in a batch being written: wait for both counters to add up.
        var received = await Eventually.MatchesAsync(
            async () => (
                First: await first.CounterAsync(http, "eventsync_events_received_total", cancellationToken),
                Second: await second.CounterAsync(http, "eventsync_events_received_total", cancellationToken)),
            r => r.First + r.Second >= 2 * events.Count,
            Deadline,
            "both processes counted every copy they took");

        await first.TerminateAsync();
        await second.TerminateAsync();
        Assert.Empty(await StoredFailures.DifferencesAsync(store, published, events, cancellationToken));
        Assert.True(received.First > 0 && received.Second > 0, $"both processes classified events ({received.First} and {received.Second})");
        Assert.Equal(2 * events.Count, received.First + received.Second);
        Assert.Empty(await BrokerQueues.DrainAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken));
        TestReport.Line($"two classifier processes on one file: {events.Count} events published twice, received {received.First} + {received.Second}, each stored once");
    }

    [Fact]
    public async Task Should_never_spend_past_the_budget_nor_send_a_part_twice_when_two_resync_processes_share_one_store_file()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        using var http = new HttpClient();
        await using var stores = await StoreFile.OpenAsync(dataDir.Path);
        var tenant = SyncFailures.NewTenant("one-host-resync");
        var now = DateTimeOffset.UtcNow;
        // 970 calls reported of an allocation of 1,000: room for 30 resyncs of one call.
        await stores.GetRequiredService<IApiUsageStore>().SaveUsageAsync(tenant, 970, 10_000, now.AddHours(-1), cancellationToken);
        await stores.GetRequiredService<IApiUsageStore>().SetAllocationAsync(tenant, 1_000, cancellationToken);
        var errors = await StoreFile.SeedAsync(stores.GetRequiredService<ISyncErrorStore>(), tenant, 100, now.AddHours(-2), 7000, cancellationToken);
        var sent = new ConcurrentQueue<ResyncRecord>();
        await using var engine = await ExchangeTap.BindAsync(
            broker.Uri, "eventsync.resync-requests", ExchangeType.Topic, EngineId, "eventsync-tests one-host engine",
            delivery => sent.Enqueue(JsonSerializer.Deserialize<ResyncRecord>(Encoding.UTF8.GetString(delivery.Body.Span), ContractJson.Options)!),
            cancellationToken);
        await using var first = await ServiceProcess.StartReadyAsync("EventSync.Resync", broker.Uri, dataDir.Path, http, Deadline);
        await using var second = await ServiceProcess.StartReadyAsync("EventSync.Resync", broker.Uri, dataDir.Path, http, Deadline);
        var commands = errors.Chunk(10).Select((chunk, i) => new ResyncErrors
        {
            RequestId = $"{tenant}-request-{i:D2}",
            TenantId = tenant,
            ErrorIds = [.. chunk.Select(e => e.Id)],
            RequestedBy = "anna.meier@example.de",
            RequestedAt = now,
        }).ToList();

        await ResyncCommands.PublishAsync(broker.Uri, commands, cancellationToken);

        var requests = stores.GetRequiredService<IResyncRequestStore>();
        var settled = await Eventually.MatchesAsync(
            async () => await Task.WhenAll(commands.Select(c => requests.GetRequestAsync(tenant, c.RequestId, cancellationToken))),
            stored => stored.All(r => r is not null && r.Parts.All(p => p.State is ResyncPartState.Sent or ResyncPartState.Deferred)),
            Deadline,
            "both processes took the requests and sent or deferred every part");
        await Eventually.HoldsAsync(() => Task.FromResult(sent.Count(r => r.TenantId == tenant) >= 30), Deadline, "30 resyncs went out");
        var budget = await stores.GetRequiredService<IApiBudgetStore>().GetBudgetAsync(tenant, DateTimeOffset.UtcNow, cancellationToken);

        await first.TerminateAsync();
        await second.TerminateAsync();
        var ours = sent.Where(r => r.TenantId == tenant).ToList();
        Assert.Equal(30, settled.Sum(r => r!.Parts.Count(p => p.State == ResyncPartState.Sent)));
        Assert.Equal(70, settled.Sum(r => r!.Parts.Count(p => p.State == ResyncPartState.Deferred)));
        Assert.Equal(30, ours.Count);
        Assert.Equal(30, ours.Select(r => r.HubSpotId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1_000, budget.Used);
        TestReport.Line($"two resync processes on one file: {commands.Count} requests of 10, {ours.Count} resyncs sent, budget used {budget.Used} of 1,000");
    }
}

using EventSync.Classifier.Extensions;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Storage.Sqlite;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Classifier.Tests;

/// <summary>
/// The store goes away: the worker retries the batch with back-off and stores it when the store is back; an outage that
/// outlasts the tries parks the events in the error queue, from which they can be moved back. An event the store refuses
/// holds back no other event of its batch. Runs on the in-memory transport with the classifier's real consumer
/// definitions (the retry policy is the same on every transport).
/// </summary>
public sealed class StoreOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    private readonly TemporaryDataDir _dataDir = new();
    private readonly List<SyncFailureReported> _parked = [];
    private readonly List<SyncFailureReported> _parkedAlone = [];
    private WebApplication? _host;
    private UnreachableStore _store = null!;

    public async ValueTask InitializeAsync()
    {
        _host = await TestHosts.StartAsync(Build, TestContext.Current.CancellationToken);
        _store = _host.Services.GetRequiredService<UnreachableStore>();
        var errorQueue = Park("sync-failure-reported_error", _parked);
        await errorQueue.Ready;
        await Park(SyncFailureReportedAloneQueue + "_error", _parkedAlone).Ready;
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

    [Fact]
    public async Task Should_store_the_other_events_of_the_batch_at_once_and_park_only_the_refused_one_when_the_store_refuses_one_event()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var refused = SyncFailures.ToSalesforce(SyncFailures.NewTenant("refused"), "4713", SyncFailures.InvalidEmail);
        var others = Enumerable.Range(0, 99).Select(i => SyncFailures.ToSalesforce(SyncFailures.NewTenant($"neighbour-{i}"), $"48{i}", SyncFailures.InvalidEmail)).ToList();
        _store.RefuseTenant(refused.TenantId);

        await _host!.Services.GetRequiredService<IBus>().PublishBatch([.. others.Take(50), refused, .. others.Skip(50)], cancellationToken);

        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(others.Select(o => _store.GetErrorCardsAsync(o.TenantId, cancellationToken)))).All(c => c.Count == 1),
            TimeSpan.FromSeconds(5),
            "each of the 99 other tenants has its error card");
        await Eventually.HoldsAsync(() => Task.FromResult(Parked(_parkedAlone).Any(p => p.EventId == refused.EventId)), Deadline, "the refused event reaches the error queue of events tried alone");
        Assert.True(_store.LargestRefusedWrite > 1, "The refused event never shared a write with others, so nothing was shown.");
        Assert.Empty(Parked(_parked));
        Assert.Empty(await _store.GetErrorCardsAsync(refused.TenantId, cancellationToken));
    }

    private const int RetryLimit = 2;

    private const string SyncFailureReportedAloneQueue = "sync-failure-reported-alone";

    private List<SyncFailureReported> Parked() => Parked(_parked);

    private static List<SyncFailureReported> Parked(List<SyncFailureReported> parked)
    {
        lock (parked)
        {
            return [.. parked];
        }
    }

    // Reads an error queue only: not a subscriber of SyncFailureReported itself.
    private HostReceiveEndpointHandle Park(string errorQueue, List<SyncFailureReported> parked) =>
        _host!.Services.GetRequiredService<IBus>().ConnectReceiveEndpoint(errorQueue, e =>
        {
            e.ConfigureConsumeTopology = false;
            e.Handler<SyncFailureReported>(context =>
            {
                lock (parked)
                {
                    parked.Add(context.Message);
                }

                return Task.CompletedTask;
            });
        });

    private WebApplication Build() =>
        ServiceHost.Build(
            TestHosts.Arguments(
                $"--EventSync:DataDir={_dataDir.Path}",
                $"--EventSync:Messaging:RetryLimit={RetryLimit}",
                "--EventSync:Messaging:RetryMinInterval=00:00:00.050",
                "--EventSync:Messaging:RetryMaxInterval=00:00:00.200",
                "--EventSync:Classifier:BatchTimeLimit=00:00:00.200"),
            builder =>
            {
                builder.AddClassifierWorker();
                builder.Services.AddSingleton(sp => new UnreachableStore(new SqliteSyncErrorStore(sp.GetRequiredService<SqliteStoreContext>())));
                builder.Services.AddSingleton<ISyncErrorStore>(sp => sp.GetRequiredService<UnreachableStore>());
            });
}

using System.Diagnostics;
using System.Net;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Reliability.Tests;

/// <summary>
/// The broker stops and starts again while an engine publishes and the classifier consumes. The engine publishes with
/// confirms and retries what was not confirmed; the classifier reconnects by itself. Runs on a private RabbitMQ node.
/// </summary>
[Collection(PrivateBrokerTests.Name)]
public sealed class BrokerRestartTests
{
    private const int RecordsPerRound = 100;
    private const int EventsPerRecord = 2;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Should_store_every_confirmed_event_exactly_once_when_the_broker_restarts_while_events_are_published_and_consumed()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var dataDir = new TemporaryDataDir();
        await using var broker = await PrivateBroker.StartAsync(cancellationToken);
        await using var host = await InProcessClassifier.StartAsync(broker.Uri, dataDir.Path, null, cancellationToken);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        await using var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken);
        var publisher = new ConfirmingPublisher(engine);
        var published = new PublishedFailures("broker-restart");
        using var keepPublishing = new CancellationTokenSource();
        var publishing = PublishRoundsAsync(publisher, published, keepPublishing.Token, cancellationToken);

        await Eventually.HoldsAsync(
            async () => await CurrentErrorsAsync(store, published.Tenant, cancellationToken) >= RecordsPerRound,
            Deadline,
            "the classifier stores events before the broker stops");
        var storedBeforeStop = await CurrentErrorsAsync(store, published.Tenant, cancellationToken);
        var outage = Stopwatch.StartNew();
        await broker.StopNodeAsync(cancellationToken);
        await broker.StartNodeAsync(cancellationToken);
        var confirmedAtRestart = publisher.Confirmed.Count;
        await Eventually.HoldsAsync(
            () => Task.FromResult(publisher.Confirmed.Count >= confirmedAtRestart + (2 * RecordsPerRound * EventsPerRecord)),
            Deadline,
            "the engine's publishes are confirmed again after the restart");
        await keepPublishing.CancelAsync();
        await publishing.WaitAsync(Deadline, cancellationToken);

        var confirmed = publisher.Confirmed.ToList();
        await Eventually.MatchesAsync(
            () => StoredFailures.DifferencesAsync(store, published, confirmed, cancellationToken),
            differences => differences.Count == 0,
            Deadline,
            "every confirmed event is stored once");
        var recovered = outage.Elapsed;
        using var http = new HttpClient();
        await Eventually.HoldsAsync(
            async () => (await http.GetAsync(new Uri(host.Address, "health/ready"), cancellationToken)).StatusCode == HttpStatusCode.OK,
            Deadline,
            "the classifier reports itself ready again");

        await host.StopAsync();
        Assert.Equal(0u, await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken));
        Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, published, confirmed, cancellationToken));
        Assert.Empty(await BrokerQueues.DrainAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken));
        Assert.True(storedBeforeStop < confirmed.Select(e => e.HubSpotId).Distinct().Count(), "the broker stopped while events were still being consumed");
        Assert.True(publisher.FailedTries > 0, "publishes failed while the broker was down and were retried");

        TestReport.Line($"broker {string.Join(", ", broker.Timings.Select(t => $"{t.What} {t.Took.TotalSeconds:0.0} s"))}");
        TestReport.Line($"{confirmed.Count} events confirmed ({publisher.FailedTries} tries failed and were retried), {storedBeforeStop} records stored before the stop; " +
                        $"all stored {recovered.TotalSeconds:0.0} s after the broker was stopped");
    }

    private static async Task<long> CurrentErrorsAsync(ISyncErrorStore store, string tenant, CancellationToken cancellationToken) =>
        (await store.GetErrorCardsAsync(tenant, cancellationToken)).Sum(c => c.CurrentErrors);

    /// <summary>Rounds of new events until told to stop; the round under way is published to the last confirm.</summary>
    private static Task PublishRoundsAsync(ConfirmingPublisher publisher, PublishedFailures published, CancellationToken keepPublishing, CancellationToken cancellationToken) =>
        Task.Run(
            async () =>
            {
                while (!keepPublishing.IsCancellationRequested)
                {
                    IReadOnlyList<SyncFailureReported> round = published.Create(RecordsPerRound, EventsPerRecord);
                    await publisher.PublishAllAsync(round, inFlight: 16, cancellationToken);
                }
            },
            cancellationToken);
}

using System.Diagnostics;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Storage.Sqlite;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;

namespace EventSync.Reliability.Tests;

/// <summary>
/// The classifier process is killed (SIGKILL) while it works through a backlog in batches, and started again on the same
/// store file: what it had taken but not acknowledged comes back from the broker, and the store counts it once. Runs the
/// built service as a child process on a private RabbitMQ node.
/// </summary>
[Collection(PrivateBrokerTests.Name)]
public sealed class ClassifierKillTests
{
    private const int Records = 3000;
    private const int EventsPerRecord = 2;
    private const int MaxStarts = 3;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task Should_store_every_confirmed_event_exactly_once_when_the_classifier_is_killed_mid_batch_and_restarted()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        await using var broker = await PrivateBroker.StartAsync(cancellationToken);
        using var http = new HttpClient();

        // A first run declares the classifier's queue and bindings; the backlog then builds up while it is stopped.
        await using (var first = await ServiceProcess.StartReadyAsync("EventSync.Classifier", broker.Uri, dataDir.Path, http, Deadline))
        {
            await first.TerminateAsync();
        }

        var published = new PublishedFailures("classifier-kill");
        List<Contracts.SyncFailureReported> confirmed;
        await using (var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken))
        {
            var publisher = new ConfirmingPublisher(engine);
            await publisher.PublishAllAsync(published.Create(Records, EventsPerRecord), inFlight: 256, cancellationToken);
            confirmed = [.. publisher.Confirmed];
        }

        await using var classified = await ClassifiedEvents.ListenAsync(broker.Uri, cancellationToken);
        await using var killed = await ServiceProcess.StartReadyAsync("EventSync.Classifier", broker.Uri, dataDir.Path, http, Deadline);
        await Eventually.HoldsAsync(() => Task.FromResult(classified.Received.Count >= Records / 5), Deadline, "the classifier works through the backlog");
        await killed.KillAsync();
        var announcedAtKill = classified.Received.Count;
        var waitingAtKill = await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken);
        Assert.True(File.Exists(Path.Combine(dataDir.Path, SqliteStoreContext.FileName + "-wal")), "the killed process left its write-ahead log behind");
        Assert.True(waitingAtKill > 0, "the classifier was killed before it had taken the whole backlog");

        var restart = Stopwatch.StartNew();
        var starts = 0;
        while (true)
        {
            // Started again on the same store file; stopped (SIGTERM, finishing its batches) once the queue looks empty.
            starts++;
            await using var restarted = await ServiceProcess.StartReadyAsync("EventSync.Classifier", broker.Uri, dataDir.Path, http, Deadline);
            var ready = restart.Elapsed;
            await Eventually.HoldsAsync(
                async () => await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken) == 0,
                Deadline,
                "the restarted classifier takes the rest of the backlog");
            await restarted.TerminateAsync();
            if (await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken) == 0 || starts == MaxStarts)
            {
                TestReport.Line($"restarted classifier ready {ready.TotalSeconds:0.0} s after the kill; backlog done {restart.Elapsed.TotalSeconds:0.0} s after it ({starts} start(s))");
                break;
            }
        }

        Assert.Equal(0u, await BrokerQueues.ReadyAsync(broker.Uri, ClassifierQueues.SyncFailureReported, cancellationToken));
        Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, published, confirmed, cancellationToken));
        Assert.Empty(await BrokerQueues.DrainAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken));
        TestReport.Line($"broker {string.Join(", ", broker.Timings.Select(t => $"{t.What} {t.Took.TotalSeconds:0.0} s"))}");
        TestReport.Line($"{confirmed.Count} events confirmed; killed after {announcedAtKill} errors were announced, {waitingAtKill} events still waiting in the queue");
    }
}

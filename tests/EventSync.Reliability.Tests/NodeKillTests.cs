using System.Net;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;

namespace EventSync.Reliability.Tests;

/// <summary>
/// A RabbitMQ node is killed (SIGKILL) while an engine publishes with confirms and the worker services (classifier, resync,
/// notifications, each its own process on one store file) work through a backlog. On a three-node cluster with quorum
/// queues the workers, connected to the node killed, fail over to the others; on a single node they wait for it to come
/// back. Either way readiness goes 503 and back to 200 by itself, every confirmed event is stored once, every error is
/// announced, and every endpoint has its consumer again, as the broker sees it.
/// </summary>
[Collection(PrivateBrokerTests.Name)]
public sealed class NodeKillTests
{
    private const int Records = 1500;
    private const int EventsPerRecord = 2;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);
    private static readonly string[] Workers = ["EventSync.Classifier", "EventSync.Resync", "EventSync.Notifications"];

    [Fact]
    public async Task Should_fail_over_and_lose_nothing_when_the_cluster_node_the_workers_use_is_killed()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        await RunAsync(clusterSize: 3, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Should_bring_every_endpoint_back_and_lose_nothing_when_the_only_node_is_killed_and_started_again()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        await RunAsync(clusterSize: 1, TestContext.Current.CancellationToken);
    }

    private static async Task RunAsync(int clusterSize, CancellationToken cancellationToken)
    {
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        await using var cluster = await PrivateCluster.StartAsync(clusterSize, cancellationToken);
        var killed = cluster.Nodes[0];
        var survivor = cluster.Nodes[^1];
        string[] settings = clusterSize > 1 ? ["--EventSync:Messaging:QueueType=quorum", .. cluster.ClusterNodeSettings] : [];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var workers = Workers.Select(worker => ServiceProcess.Start(worker, killed.Uri, dataDir.Path, FreePorts.Next(), settings)).ToList();
        try
        {
            await AllReadyAsync(workers, http, "every worker is ready before the kill", cancellationToken);
            await using var classified = await ClassifiedEvents.ListenAsync(survivor.Uri, cancellationToken);
            await using var engine = await EnginePublisher.ConnectAsync(survivor.Uri, cancellationToken);
            var publisher = new ConfirmingPublisher(engine);
            var published = new PublishedFailures(clusterSize > 1 ? "cluster-node-kill" : "single-node-kill");
            await using var timeline = new ReadinessTimeline(workers, () => classified.Received.Count);
            await Eventually.HoldsAsync(() => Task.FromResult(timeline.Samples.Count > 0), Deadline, "readiness is sampled from the start");
            var publishing = publisher.PublishAllAsync(published.Create(Records, EventsPerRecord), inFlight: 16, cancellationToken);

            await Eventually.HoldsAsync(() => Task.FromResult(classified.Received.Count >= Records / 5), Deadline, "the classifier works through the stream");
            var killedAt = timeline.Now;
            var announcedAtKill = classified.Received.Count;
            await killed.KillNodeAsync();
            if (clusterSize == 1)
            {
                await Eventually.HoldsAsync(async () => !await workers[0].IsReadyAsync(http, cancellationToken), Deadline, "the classifier turns unready while its only node is down");
                await killed.StartNodeAsync(cancellationToken);
            }

            await AllReadyAsync(workers, http, "every worker is ready again after the kill", cancellationToken);
            var readyAgainAt = timeline.Now;
            await publishing.WaitAsync(Deadline, cancellationToken);
            if (clusterSize > 1)
            {
                await killed.StartNodeAsync(cancellationToken);
            }

            var confirmed = publisher.Confirmed.ToList();
            await Eventually.HoldsAsync(
                () => Task.FromResult(classified.Received.Select(e => e.ErrorId).Distinct().Count() >= Records),
                Deadline,
                $"every one of the {Records} errors is announced");
            await Eventually.HoldsAsync(
                async () => await BrokerQueues.ReadyAsync(survivor.Uri, ClassifierQueues.SyncFailureReported, cancellationToken) == 0,
                Deadline,
                "the classifier takes every event off its queue");
            var doneAt = timeline.Now;

            var queues = WorkerQueues.FromDefinitions();
            var consumers = await Eventually.MatchesAsync(
                () => BrokerQueues.ConsumersAsync(survivor.Uri, queues, cancellationToken),
                counts => counts.Values.All(count => count > 0),
                Deadline,
                "every worker queue has a consumer on the broker after the node is back");
            Assert.All(queues, queue => Assert.True(consumers[queue] > 0, $"{queue} has no consumer"));
            await AllReadyAsync(workers, http, "every worker is ready once the node is back", cancellationToken);

            var samples = timeline.Samples;
            for (var i = 0; i < workers.Count; i++)
            {
                Assert.True(samples.Any(s => s.At > killedAt && s.Statuses[i] != HttpStatusCode.OK), $"{Workers[i]}'s readiness went 503 after the kill");
            }

            foreach (var worker in workers)
            {
                await worker.TerminateAsync();
            }

            Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, published, confirmed, cancellationToken));
            Assert.Empty(await BrokerQueues.DrainAsync(survivor.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken));

            var stall = timeline.LongestStall(killedAt, doneAt);
            TestReport.Line($"{clusterSize} node(s): {confirmed.Count} events confirmed ({publisher.FailedTries} publish tries failed and were retried)");
            TestReport.Line($"killed after {announcedAtKill} announcements; nodes: {string.Join("; ", cluster.Nodes.Select(n => string.Join(", ", n.Timings.Select(t => $"{t.What} {t.Took.TotalSeconds:0.0} s"))))}");
            TestReport.Line($"readiness not 200 after the kill: {string.Join(", ", Workers.Select((w, i) => $"{w} {timeline.UnreadyAfter(killedAt, i).TotalSeconds:0.0} s"))}; all ready {(readyAgainAt - killedAt).TotalSeconds:0.0} s after the kill");
            TestReport.Line($"longest time without an announcement after the kill: {stall.Length.TotalSeconds:0.0} s; announcements/s: {timeline.RateBetween(killedAt - TimeSpan.FromSeconds(5), killedAt):0} in the 5 s before the kill, {timeline.RateBetween(killedAt, stall.EndedAt):0} from the kill to the end of that stall, {timeline.RateBetween(stall.EndedAt, doneAt):0} after it");
            TestReport.Line($"{classified.Received.Count} announcements, {classified.MessageIds.Distinct().Count()} distinct message ids, {classified.Received.Select(e => e.ErrorId).Distinct().Count()} errors");
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    private static async Task AllReadyAsync(IEnumerable<ServiceProcess> workers, HttpClient http, string what, CancellationToken cancellationToken)
    {
        foreach (var worker in workers)
        {
            try
            {
                await Eventually.HoldsAsync(() => worker.IsReadyAsync(http, cancellationToken), Deadline, what);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // What the worker says of itself, and its last lines, make the failure readable.
                var readiness = await http.GetStringAsync(new Uri(worker.Address, "health/ready"), cancellationToken).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result : t.Exception?.GetBaseException().Message, TaskScheduler.Default);
                throw new InvalidOperationException($"{e.Message}\n{worker.Address} readiness: {readiness}\nits output ends:\n{string.Join('\n', worker.Output.Split('\n').TakeLast(40))}", e);
            }
        }
    }
}

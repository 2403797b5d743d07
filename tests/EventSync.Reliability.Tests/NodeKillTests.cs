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
/// back. Either way readiness goes 503, every confirmed event is stored once and every error is announced; afterwards
/// either every endpoint has its consumer again (as the broker sees it) and every worker is ready, or readiness is 503
/// naming each endpoint without one (the test reports them). Idle endpoints once stayed without a consumer although
/// MassTransit reported them ready: the client's write queue wedged on the dead socket (see <c>DeadSocketWritesTests</c>).
/// </summary>
[Collection(PrivateBrokerTests.Name)]
public sealed class NodeKillTests
{
    private const int Records = 1500;
    private const int EventsPerRecord = 2;

    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(180);

    /// <summary>How long every endpoint has to get its consumer back once the broker is whole again.</summary>
    private static readonly TimeSpan RecoveryDeadline = TimeSpan.FromSeconds(90);
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

            var withoutConsumer = await ReadinessTellsTheTruthAsync(workers, survivor, http, cancellationToken);

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
            TestReport.Line($"readiness not 200 after the kill: {string.Join(", ", Workers.Select((w, i) => $"{w} {timeline.UnreadyAfter(killedAt, i).TotalSeconds:0.0} s"))}");
            TestReport.Line(withoutConsumer.Count == 0
                ? "every worker queue has its consumer again and every worker is ready"
                : $"ENDPOINTS THAT DID NOT COME BACK: {string.Join(", ", withoutConsumer)} have no consumer on the broker {RecoveryDeadline.TotalSeconds:0} s after the node was back; readiness is 503 and names them");
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

    /// <summary>
    /// Waits until every worker queue has its consumer on the broker and every worker is ready. Where some queue still has
    /// none after <see cref="RecoveryDeadline"/> (MassTransit's endpoint believes it consumes, the broker has no consumer:
    /// seen after single-node kills), readiness must say so: a worker answers 503 naming each such queue. Returns those queues.
    /// </summary>
    private static async Task<IReadOnlyList<string>> ReadinessTellsTheTruthAsync(IReadOnlyList<ServiceProcess> workers, PrivateBroker broker, HttpClient http, CancellationToken cancellationToken)
    {
        var queues = WorkerQueues.FromDefinitions();
        var deadline = DateTime.UtcNow + RecoveryDeadline;
        while (true)
        {
            var consumers = await BrokerQueues.ConsumersAsync(broker.Uri, queues, cancellationToken);
            var readiness = await Task.WhenAll(workers.Select(worker => ReadinessAsync(http, worker, cancellationToken)));
            var missing = queues.Where(queue => consumers[queue] == 0).ToList();
            if (missing.Count == 0 && readiness.All(r => r.Status == HttpStatusCode.OK))
            {
                return [];
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.All(missing, queue => Assert.Contains(
                    readiness,
                    r => r.Status == HttpStatusCode.ServiceUnavailable && r.Body.Contains($"{queue} (", StringComparison.Ordinal)));
                Assert.NotEmpty(missing);
                return missing;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadinessAsync(HttpClient http, ServiceProcess worker, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(worker.Address, "health/ready"), cancellationToken);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
        }
        catch (HttpRequestException e)
        {
            return (0, e.Message);
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

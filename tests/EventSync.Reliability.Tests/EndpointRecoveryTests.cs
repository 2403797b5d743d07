using System.Net;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Reliability.Tests;

/// <summary>
/// Broker failures short of a node's death, against the worker services as deployed (each its own process, on a private
/// RabbitMQ node): the broker closes every connection, deletes a queue under its consumer, or lets another client hold a
/// queue exclusively. Every endpoint gets its consumer back by itself, and readiness is 503 naming the endpoint while it has none.
/// </summary>
[Collection(PrivateBrokerTests.Name)]
public sealed class EndpointRecoveryTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly string[] Workers = ["EventSync.Classifier", "EventSync.Resync", "EventSync.Notifications"];

    [Fact]
    public async Task Should_give_every_endpoint_its_consumer_back_when_the_broker_closes_the_connections_and_deletes_each_queue()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        await using var broker = await PrivateBroker.StartAsync(cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var workers = Workers.Select(worker => ServiceProcess.Start(worker, broker.Uri, dataDir.Path, FreePorts.Next())).ToList();
        try
        {
            var queues = WorkerQueues.FromDefinitions();
            await EveryEndpointConsumesAsync(broker, workers, http, queues, "before any failure", cancellationToken);

            await broker.ControlAsync(cancellationToken, "close_all_connections", "closed by an operator");
            await EveryEndpointConsumesAsync(broker, workers, http, queues, "after the broker closed every connection", cancellationToken);

            foreach (var queue in queues)
            {
                await broker.ControlAsync(cancellationToken, "delete_queue", queue);
            }

            await EveryEndpointConsumesAsync(broker, workers, http, queues, "after the broker deleted every queue under its consumer", cancellationToken);
        }
        finally
        {
            foreach (var worker in workers)
            {
                await worker.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Should_be_unready_naming_the_endpoint_while_another_client_holds_its_queue_and_ready_once_it_lets_go()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        const string Queue = "send-error-digest";
        var cancellationToken = TestContext.Current.CancellationToken;
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        await using var broker = await PrivateBroker.StartAsync(cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var notifications = ServiceProcess.Start("EventSync.Notifications", broker.Uri, dataDir.Path, FreePorts.Next());
        await Eventually.HoldsAsync(() => notifications.IsReadyAsync(http, cancellationToken), Deadline, "the notification worker is ready");

        // The queue is deleted under the worker's consumer and at once taken by a client that consumes it exclusively: the
        // worker declares it again but the broker refuses it a consumer.
        await using var connection = await new ConnectionFactory { Uri = broker.Uri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeleteAsync(Queue, cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        var holder = await channel.BasicConsumeAsync(Queue, autoAck: false, "exclusive holder", noLocal: false, exclusive: true, arguments: null, new AsyncEventingBasicConsumer(channel), cancellationToken);

        var unready = await UnreadyNamingAsync(http, notifications, Queue, "while another client holds it", cancellationToken);
        TestReport.Line($"readiness while the queue is held: {unready}");

        await channel.BasicCancelAsync(holder, cancellationToken: cancellationToken);
        await Eventually.HoldsAsync(() => notifications.IsReadyAsync(http, cancellationToken), Deadline, "ready again once the queue is free");
        var consumers = await BrokerQueues.ConsumersAsync(broker.Uri, [Queue], cancellationToken);
        Assert.Equal(1u, consumers[Queue]);
    }

    [Fact]
    public async Task Should_start_live_and_unready_naming_the_endpoint_whose_queue_the_broker_refuses_and_consume_once_it_is_fixed()
    {
        // An operator's queue of the same name with other arguments: the broker refuses the worker's declaration of it.
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        const string Queue = "send-error-digest";
        var cancellationToken = TestContext.Current.CancellationToken;
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        await using var broker = await PrivateBroker.StartAsync(cancellationToken);
        await using var connection = await new ConnectionFactory { Uri = broker.Uri }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        await channel.QueueDeclareAsync(Queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-max-length"] = 10 }, cancellationToken: cancellationToken);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        await using var notifications = ServiceProcess.Start("EventSync.Notifications", broker.Uri, dataDir.Path, FreePorts.Next(), "--EventSync:Messaging:StartWait=00:00:05");

        // It does not wait at start-up for an endpoint that cannot start: it answers, says what is wrong, and consumes the rest.
        await Eventually.HoldsAsync(() => notifications.IsLiveAsync(http, cancellationToken), Deadline, "the worker answers liveness although one queue is refused");
        var unready = await UnreadyNamingAsync(http, notifications, Queue, "while the broker refuses it", cancellationToken);
        TestReport.Line($"readiness while the queue is refused: {unready}");
        Assert.Contains("starting unready", notifications.Output, StringComparison.Ordinal);
        var others = WorkerQueues.FromDefinitions().Where(q => q.StartsWith("notify-", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(others);
        await Eventually.MatchesAsync(
            () => BrokerQueues.ConsumersAsync(broker.Uri, others, cancellationToken),
            counts => counts.Values.All(count => count == 1),
            Deadline,
            "the worker's other queues have their consumer");

        // The operator removes the conflicting queue: the worker declares its own and becomes ready by itself.
        await channel.QueueDeleteAsync(Queue, cancellationToken: cancellationToken);
        await Eventually.HoldsAsync(() => notifications.IsReadyAsync(http, cancellationToken), Deadline, "ready once the queue can be declared");
        Assert.Equal(1u, (await BrokerQueues.ConsumersAsync(broker.Uri, [Queue], cancellationToken))[Queue]);
    }

    private static async Task EveryEndpointConsumesAsync(PrivateBroker broker, IReadOnlyList<ServiceProcess> workers, HttpClient http, IReadOnlyList<string> queues, string when, CancellationToken cancellationToken)
    {
        await Eventually.MatchesAsync(
            () => BrokerQueues.ConsumersAsync(broker.Uri, queues, cancellationToken),
            counts => counts.Values.All(count => count == 1),
            Deadline,
            $"every worker queue has its one consumer on the broker {when}");
        foreach (var worker in workers)
        {
            await Eventually.HoldsAsync(() => worker.IsReadyAsync(http, cancellationToken), Deadline, $"every worker is ready {when}");
        }
    }

    // Polls readiness until it is 503 and its body names the queue; returns that body.
    private static async Task<string> UnreadyNamingAsync(HttpClient http, ServiceProcess worker, string queue, string when, CancellationToken cancellationToken)
    {
        var unready = await Eventually.MatchesAsync(
            () => ReadinessAsync(http, worker, cancellationToken),
            answer => answer.Status == HttpStatusCode.ServiceUnavailable && answer.Body.Contains(queue, StringComparison.Ordinal),
            Deadline,
            $"readiness is 503 and names {queue} {when}");
        return unready.Body;
    }

    private static async Task<(HttpStatusCode Status, string Body)> ReadinessAsync(HttpClient http, ServiceProcess worker, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(worker.Address, "health/ready"), cancellationToken);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken));
    }
}

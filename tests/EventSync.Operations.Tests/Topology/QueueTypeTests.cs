using EventSync.Classifier.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Operations.Tests.Topology;

/// <summary><c>EventSync:Messaging:QueueType</c>: the classifier host on the real broker declares its queues with that type.</summary>
public sealed class QueueTypeTests
{
    private const ushort PreconditionFailed = 406;
    private static readonly string[] ClassifierQueues = ["sync-failure-reported", "sync-failure-reported_error", "record-synced", "api-usage-reported"];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "classic")]
    [InlineData("quorum", "quorum")]
    [InlineData("Quorum", "quorum")]
    public async Task Should_declare_every_classifier_queue_with_the_configured_type_when_the_host_starts(string? setting, string declaredType)
    {
        await using var broker = await TestBroker.StartAsync(Cancellation);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, Cancellation);
        using var dataDir = new TemporaryDataDir();
        var app = await TestHosts.StartAsync(() => Classifier(broker.Uri, dataDir, setting), Cancellation);
        try
        {
            // MassTransit declares an error queue with the first failure: an engine sends a message that is not JSON.
            await using (var engine = await EnginePublisher.ConnectAsync(broker.Uri, Cancellation))
            {
                await engine.PublishRawAsync(EnginePublisher.SyncFailures, "{not json", EnginePublisher.JsonContentType, Cancellation);
            }

            await Eventually.HoldsAsync(() => ExistsAsync(broker.Uri, "sync-failure-reported_error"), TimeSpan.FromSeconds(60), "the error queue is declared");
            Assert.Equal(ClassifierQueues.Length, await CountQueuesOfTypeAsync(broker.Uri, declaredType));
        }
        finally
        {
            await TestHosts.StopAsync(app);
        }
    }

    [Fact]
    public async Task Should_refuse_to_start_naming_the_setting_when_the_queue_type_is_unknown()
    {
        await using var broker = await TestBroker.StartAsync(Cancellation);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, Cancellation);
        using var dataDir = new TemporaryDataDir();
        WebApplication? app = null;

        var failure = await Record.ExceptionAsync(async () => app = await TestHosts.StartAsync(() => Classifier(broker.Uri, dataDir, "mirrored"), Cancellation));
        await TestHosts.StopAsync(app);

        Assert.NotNull(failure);
        Assert.Contains("EventSync:Messaging:QueueType is 'mirrored'", Messages(failure), StringComparison.Ordinal);
    }

    private static WebApplication Classifier(Uri broker, TemporaryDataDir dataDir, string? queueType) =>
        ServiceHost.Build(
            TestHosts.Arguments(
                [
                    $"--ConnectionStrings:rabbitmq={broker}",
                    $"--EventSync:DataDir={dataDir.Path}",
                    .. queueType is null ? Array.Empty<string>() : [$"--{MessagingOptions.Section}:QueueType={queueType}"],
                ]),
            builder => builder.AddClassifierWorker());

    private static async Task<bool> ExistsAsync(Uri broker, string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(Cancellation);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, Cancellation);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    /// <summary>Declaring a queue again with an explicit type succeeds only when the queue has that type (else 406).</summary>
    private static async Task<int> CountQueuesOfTypeAsync(Uri broker, string queueType)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(Cancellation);
        var matching = 0;
        foreach (var queue in ClassifierQueues)
        {
            await using var channel = await connection.CreateChannelAsync(cancellationToken: Cancellation);
            try
            {
                await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, new Dictionary<string, object?> { ["x-queue-type"] = queueType }, cancellationToken: Cancellation);
                matching++;
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == PreconditionFailed)
            {
                // Declared with another type.
            }
        }

        return matching;
    }

    private static string Messages(Exception failure)
    {
        var messages = new List<string>();
        for (Exception? e = failure; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
            if (e is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
            }
        }

        return string.Join(" | ", messages);
    }
}

using EventSync.Cli.Errors;
using EventSync.Operations.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Tools;

namespace EventSync.Operations.Tests.Requeue;

/// <summary><c>eventsync errors requeue</c> run through the real command line against the real broker.</summary>
public sealed class RequeueCommandTests : IAsyncLifetime
{
    private const string Password = "guest";
    private TestBroker? _broker;
    private BrokerLock? _lock;

    private Uri Broker => _broker?.Uri ?? throw new InvalidOperationException("No broker");

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _broker = await TestBroker.StartAsync(Cancellation);
        if (_broker.Uri is { } uri)
        {
            _lock = await BrokerLock.AcquireAsync(uri, Cancellation);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("classic")]
    [InlineData("quorum")]
    public async Task Should_move_every_message_back_in_order_with_body_kept_and_fault_headers_removed_when_requeued(string queueType)
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, queueType, Cancellation);
        var faulted = await queues.FillErrorQueueAsync(25, Cancellation);

        var run = await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--broker", Broker.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Moved 25 of 25 message(s) from {queues.ErrorQueue} to {queues.Name}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{Broker.UserInfo.Split(':')[0]}:***@", run.Output, StringComparison.Ordinal);
        Assert.Equal(0u, await queues.CountAsync(queues.ErrorQueue, Cancellation));
        var requeued = await queues.DrainAsync(queues.Name, Cancellation);
        Assert.Equal(faulted.Select(m => (m.MessageId, m.ContentType, m.Body)), requeued.Select(m => (m.MessageId, m.ContentType, m.Body)));
        Assert.All(requeued, m =>
        {
            Assert.DoesNotContain(m.Headers.Keys, k => k.StartsWith("MT-Fault-", StringComparison.Ordinal) || k.StartsWith("MT-Host-", StringComparison.Ordinal));
            Assert.DoesNotContain(EndpointQueues.Reason, m.Headers.Keys);
            Assert.Equal("acme", m.Headers["tenant"]);
            Assert.Equal("1", m.Headers[RequeuedHeaders.RequeueCount]);
        });
    }

    [Fact]
    public async Task Should_move_the_messages_through_the_next_cluster_node_when_the_first_does_not_answer()
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, "classic", Cancellation);
        await queues.FillErrorQueueAsync(3, Cancellation);
        var credentialsOnly = new UriBuilder(Broker) { Port = 1 }.Uri;

        var run = await CliRun.Of(
            "errors", "requeue", "--queue", queues.ErrorQueue, "--broker", credentialsOnly.ToString(),
            "--cluster-node", "127.0.0.1:1", "--cluster-node", $"{Broker.Host}:{Broker.Port}");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Moved 3 of 3 message(s) from {queues.ErrorQueue} to {queues.Name}", run.Output, StringComparison.Ordinal);
        Assert.Equal(3, (await queues.DrainAsync(queues.Name, Cancellation)).Count);
    }

    [Fact]
    public async Task Should_move_only_the_oldest_messages_when_max_is_given()
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, "classic", Cancellation);
        var faulted = await queues.FillErrorQueueAsync(10, Cancellation);

        var run = await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--broker", Broker.ToString(), "--max", "4");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(faulted.Take(4).Select(m => m.MessageId), (await queues.DrainAsync(queues.Name, Cancellation)).Select(m => m.MessageId));
        Assert.Equal(faulted.Skip(4).Select(m => m.MessageId), (await queues.DrainAsync(queues.ErrorQueue, Cancellation)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Should_count_each_requeue_when_a_message_fails_again_and_is_requeued_again()
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, "classic", Cancellation);
        await queues.FillErrorQueueAsync(1, Cancellation);
        Assert.Equal(0, (await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--broker", Broker.ToString())).ExitCode);

        // Back to the error queue as a consumer failing it again would send it: through the queue's own exchange.
        var run = await CliRun.Of("errors", "requeue", "--queue", queues.Name, "--to", queues.ErrorQueue, "--broker", Broker.ToString());
        Assert.Equal(0, run.ExitCode);
        run = await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--broker", Broker.ToString());

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("3", Assert.Single(await queues.DrainAsync(queues.Name, Cancellation)).Headers[RequeuedHeaders.RequeueCount]);
    }

    [Fact]
    public async Task Should_change_nothing_and_say_what_would_move_when_dry_run()
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, "classic", Cancellation);
        var faulted = await queues.FillErrorQueueAsync(7, Cancellation);

        var run = await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--broker", Broker.ToString(), "--dry-run", "--max", "5");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"would move 5 of 7 message(s) from {queues.ErrorQueue} to {queues.Name}", run.Output, StringComparison.Ordinal);
        Assert.Equal(0u, await queues.CountAsync(queues.Name, Cancellation));
        var untouched = await queues.DrainAsync(queues.ErrorQueue, Cancellation);
        Assert.Equal(faulted.Select(m => m.MessageId), untouched.Select(m => m.MessageId));
        Assert.All(untouched, m => Assert.Equal("fault", m.Headers[EndpointQueues.Reason]));
    }

    [Fact]
    public async Task Should_exit_1_naming_the_queue_without_the_password_when_the_error_queue_does_not_exist()
    {
        SkipWithoutBroker();
        var missing = $"ops-tests.{Guid.NewGuid():N}_error";

        var run = await CliRun.Of("errors", "requeue", "--queue", missing, "--broker", Broker.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Queue '{missing}' does not exist", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain(Broker.UserInfo, run.Errors, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public async Task Should_exit_1_naming_the_target_when_the_queue_to_move_to_does_not_exist()
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, "classic", Cancellation);
        await queues.FillErrorQueueAsync(2, Cancellation);

        var run = await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--to", "ops-tests.nowhere", "--broker", Broker.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Queue 'ops-tests.nowhere' does not exist", run.Errors, StringComparison.Ordinal);
        Assert.Equal(2u, await queues.CountAsync(queues.ErrorQueue, Cancellation));
    }

    [Fact]
    public async Task Should_exit_1_and_keep_every_message_in_the_error_queue_when_nothing_receives_the_copies()
    {
        SkipWithoutBroker();
        await using var queues = await EndpointQueues.DeclareAsync(Broker, "classic", Cancellation);
        var faulted = await queues.FillErrorQueueAsync(5, Cancellation);
        await queues.UnbindEndpointQueueAsync(Cancellation);

        var run = await CliRun.Of("errors", "requeue", "--queue", queues.ErrorQueue, "--broker", Broker.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"The broker did not take a message for {queues.Name} (nothing bound to receive it)", run.Errors, StringComparison.Ordinal);
        var kept = await Eventually.MatchesAsync(
            () => queues.CountAsync(queues.ErrorQueue, Cancellation), count => count == 5, TimeSpan.FromSeconds(60), "the unacknowledged messages are back in the error queue");
        Assert.Equal(5u, kept);
        Assert.Equal(faulted.Select(m => m.MessageId), (await queues.DrainAsync(queues.ErrorQueue, Cancellation)).Select(m => m.MessageId));
    }

    [Fact]
    public async Task Should_exit_1_without_printing_the_password_when_the_broker_is_unreachable()
    {
        // Port 1 on the loopback: nothing listens, the connection is refused at once. No broker needed.
        var run = await CliRun.Of("errors", "requeue", "--queue", "sync-failure-reported_error", "--broker", $"amqp://ops:{Password}-secret@127.0.0.1:1/");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Cannot reach the broker at amqp://ops:***@127.0.0.1:1/", run.Errors, StringComparison.Ordinal);
        Assert.DoesNotContain($"{Password}-secret", run.Errors + run.Output, StringComparison.Ordinal);
    }

    private void SkipWithoutBroker()
    {
        if (_broker?.Uri is null)
        {
            Assert.Skip(TestBroker.SkipReason);
        }
    }
}

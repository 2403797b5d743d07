using EventSync.Cli.Errors;
using EventSync.Testing.Tools;

namespace EventSync.Operations.Tests.Requeue;

/// <summary>What the requeue command decides before it touches a broker.</summary>
public sealed class RequeueArgumentsTests
{
    [Theory]
    [InlineData("sync-failure-reported_error", "sync-failure-reported")]
    [InlineData("record-synced_skipped", "record-synced")]
    [InlineData("sync-failure-reported", null)]
    [InlineData("_error", null)]
    public void Should_find_the_queue_a_message_failed_on_when_named_after_MassTransit_error_queues(string errorQueue, string? source) =>
        Assert.Equal(source, RequeueOptions.SourceOf(errorQueue));

    [Fact]
    public void Should_take_the_option_first_then_EVENTSYNC_RABBITMQ_then_the_connection_string_when_resolving_the_broker()
    {
        var environment = new Dictionary<string, string?>
        {
            [BrokerAddress.EnvironmentVariable] = "amqp://env",
            [BrokerAddress.ConnectionStringVariable] = "amqp://connection-string",
        };

        Assert.Equal("amqp://option", BrokerAddress.Resolve("amqp://option", environment.GetValueOrDefault));
        Assert.Equal("amqp://env", BrokerAddress.Resolve(null, environment.GetValueOrDefault));
        environment.Remove(BrokerAddress.EnvironmentVariable);
        Assert.Equal("amqp://connection-string", BrokerAddress.Resolve(" ", environment.GetValueOrDefault));
        Assert.Null(BrokerAddress.Resolve(null, _ => null));
    }

    [Fact]
    public void Should_take_the_options_first_then_the_services_numbered_variables_when_resolving_the_cluster_nodes()
    {
        var environment = new Dictionary<string, string?>
        {
            [BrokerAddress.ClusterNodeVariables + "0"] = "rabbit-1:5672",
            [BrokerAddress.ClusterNodeVariables + "1"] = "rabbit-2:5672",
            [BrokerAddress.ClusterNodeVariables + "3"] = "after a gap: not read",
        };

        Assert.Equal(["rabbit-9:5672"], BrokerAddress.ResolveClusterNodes(["rabbit-9:5672"], environment.GetValueOrDefault));
        Assert.Equal(["rabbit-1:5672", "rabbit-2:5672"], BrokerAddress.ResolveClusterNodes([], environment.GetValueOrDefault));
        Assert.Empty(BrokerAddress.ResolveClusterNodes([], _ => null));
    }

    [Theory]
    [InlineData("amqp://ops:s3cret@rabbit:5672/prod", "amqp://ops:***@rabbit:5672/prod")]
    [InlineData("amqps://ops@rabbit/", "amqps://ops@rabbit/")]
    [InlineData("amqp://rabbit/", "amqp://rabbit/")]
    public void Should_hide_the_password_when_showing_the_broker(string broker, string shown) =>
        Assert.Equal(shown, BrokerAddress.Redact(new Uri(broker)));

    [Fact]
    public void Should_drop_fault_headers_keep_the_others_and_count_requeues_when_cleaning_headers()
    {
        var cleaned = RequeuedHeaders.Clean(new Dictionary<string, object?>
        {
            ["MT-Fault-Message"] = "boom"u8.ToArray(),
            ["MT-Fault-StackTrace"] = "at ..."u8.ToArray(),
            ["MT-Host-MachineName"] = "worker-1"u8.ToArray(),
            ["MT-Reason"] = "fault"u8.ToArray(),
            ["tenant"] = "acme"u8.ToArray(),
            [RequeuedHeaders.RequeueCount] = 2L,
        });

        Assert.Equal(["tenant", RequeuedHeaders.RequeueCount], cleaned.Keys.Order(StringComparer.Ordinal).Reverse());
        Assert.Equal(3L, cleaned[RequeuedHeaders.RequeueCount]);
    }

    [Theory]
    [InlineData("does not end in _error or _skipped", "--queue", "sync-failure-reported")]
    [InlineData("--to names the error queue itself", "--queue", "x_error", "--to", "x_error")]
    [InlineData("--max must be 1 or more", "--queue", "x_error", "--max", "0")]
    [InlineData("not an amqp:// or amqps:// URI", "--queue", "x_error", "--broker", "http://rabbit")]
    [InlineData("Cluster node 'rabbit-2' is not host:port", "--queue", "x_error", "--cluster-node", "rabbit-1:5672", "--cluster-node", "rabbit-2")]
    public async Task Should_exit_1_with_the_reason_when_the_arguments_cannot_work(string reason, params string[] arguments)
    {
        string[] broker = arguments.Contains("--broker") ? [] : ["--broker", "amqp://127.0.0.1:1/"];

        var run = await CliRun.Of(["errors", "requeue", .. arguments, .. broker]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(reason, run.Errors, StringComparison.Ordinal);
    }
}

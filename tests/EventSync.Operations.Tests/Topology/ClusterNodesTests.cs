using EventSync.Classifier.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EventSync.Operations.Tests.Topology;

/// <summary>
/// <c>EventSync:Messaging:ClusterNodes</c>: a service tries the nodes in order with the connection string's credentials and
/// virtual host, so it consumes through the first node that answers; a node that is not host:port stops it at start-up.
/// </summary>
public sealed class ClusterNodesTests
{
    /// <summary>Port 1 on the loopback: nothing listens, a connection is refused at once.</summary>
    private const string DeadNode = "127.0.0.1:1";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_consume_through_the_next_node_when_the_first_cluster_node_does_not_answer()
    {
        await using var broker = await TestBroker.StartAsync(Cancellation);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, Cancellation);
        using var dataDir = new TemporaryDataDir();
        var credentialsOnly = new UriBuilder(broker.Uri) { Port = 1 }.Uri;
        var app = await TestHosts.StartAsync(() => Classifier(credentialsOnly, dataDir, DeadNode, $"{broker.Uri.Host}:{broker.Uri.Port}"), Cancellation);
        try
        {
            var health = app.Services.GetRequiredService<HealthCheckService>();
            var report = await Eventually.MatchesAsync(
                () => health.CheckHealthAsync(check => check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag), Cancellation),
                ready => ready.Status == HealthStatus.Healthy,
                TimeSpan.FromSeconds(60),
                "the classifier is ready through the second node");
            Assert.Equal("5 receive endpoints consuming.", report.Entries["consumers"].Description);
        }
        finally
        {
            await TestHosts.StopAsync(app);
        }
    }

    [Theory]
    [InlineData("rabbit-1")]
    [InlineData("rabbit-1:0")]
    [InlineData("rabbit-1:5672:1")]
    [InlineData("rabbit 1:5672")]
    public async Task Should_refuse_to_start_naming_the_node_when_a_cluster_node_is_not_host_and_port(string node)
    {
        using var dataDir = new TemporaryDataDir();
        WebApplication? app = null;

        var failure = await Record.ExceptionAsync(async () => app = await TestHosts.StartAsync(() => Classifier(new Uri("amqp://guest:guest@127.0.0.1:1/"), dataDir, DeadNode, node), Cancellation));
        await TestHosts.StopAsync(app);

        var refused = Assert.IsType<OptionsValidationException>(failure);
        Assert.Contains($"{MessagingOptions.Section}:ClusterNodes:1 is '{node}'", refused.Message, StringComparison.Ordinal);
    }

    private static WebApplication Classifier(Uri broker, TemporaryDataDir dataDir, params string[] clusterNodes) =>
        ServiceHost.Build(
            TestHosts.Arguments(
                [
                    $"--ConnectionStrings:rabbitmq={broker}",
                    $"--EventSync:DataDir={dataDir.Path}",
                    .. clusterNodes.Select((node, i) => $"--{MessagingOptions.Section}:ClusterNodes:{i}={node}"),
                ]),
            builder => builder.AddClassifierWorker());
}

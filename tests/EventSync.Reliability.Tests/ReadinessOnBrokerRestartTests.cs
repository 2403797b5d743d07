using System.Net;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Hosts;

namespace EventSync.Reliability.Tests;

/// <summary>
/// <c>/health/ready</c> follows the broker itself: the broker node is stopped (not a connection cut) and started again, and
/// readiness goes 503 and back to 200 by itself. Runs on a private RabbitMQ node, so no other test loses its broker.
/// </summary>
[Collection(PrivateBrokerTests.Name)]
public sealed class ReadinessOnBrokerRestartTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Should_turn_unready_when_the_broker_stops_and_ready_again_when_it_is_back()
    {
        Assert.SkipUnless(PrivateBroker.IsInstalled, PrivateBroker.SkipReason);
        var cancellationToken = TestContext.Current.CancellationToken;
        using var dataDir = new TemporaryDataDir();
        await using var broker = await PrivateBroker.StartAsync(cancellationToken);
        await using var host = await InProcessClassifier.StartAsync(broker.Uri, dataDir.Path, null, cancellationToken);
        using var http = new HttpClient { BaseAddress = host.Address, Timeout = TimeSpan.FromSeconds(10) };
        await Eventually.HoldsAsync(() => IsAsync(http, HttpStatusCode.OK, cancellationToken), Deadline, "ready while the broker runs");

        await broker.StopNodeAsync(cancellationToken);
        await Eventually.HoldsAsync(() => IsAsync(http, HttpStatusCode.ServiceUnavailable, cancellationToken), Deadline, "unready (503) once the broker stopped");
        using (var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken))
        {
            Assert.Contains("masstransit-bus", await response.Content.ReadAsStringAsync(cancellationToken), StringComparison.Ordinal);
        }

        await broker.StartNodeAsync(cancellationToken);
        await Eventually.HoldsAsync(() => IsAsync(http, HttpStatusCode.OK, cancellationToken), Deadline, "ready again once the broker is back");
        TestReport.Line($"broker {string.Join(", ", broker.Timings.Select(t => $"{t.What} {t.Took.TotalSeconds:0.0} s"))}");
    }

    private static async Task<bool> IsAsync(HttpClient http, HttpStatusCode expected, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(new Uri("health/ready", UriKind.Relative), cancellationToken);
            return response.StatusCode == expected;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}

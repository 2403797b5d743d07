using System.Net;
using System.Text.Json;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;

namespace EventSync.Classifier.Tests;

/// <summary>
/// <c>/health/ready</c> follows the broker connection: 503 naming the bus when the broker goes away, 200 again once
/// MassTransit has reconnected. The broker is the real one, reached through a relay that the test cuts and restores: the
/// broker itself keeps running for the other test processes that share it. The host is built like the API service
/// (bus without consumers, store), so it takes none of the classifier host's messages.
/// </summary>
public sealed class ReadinessTests(ClassifierOnRabbitMq classifier) : IAsyncLifetime
{
    private static readonly TimeSpan LossDeadline = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ReconnectDeadline = TimeSpan.FromSeconds(60);

    private readonly TemporaryDataDir _dataDir = new();
    private TcpProxy? _proxy;
    private WebApplication? _host;
    private HttpClient? _http;

    public async ValueTask InitializeAsync()
    {
        if (!classifier.HasBroker)
        {
            return;
        }

        var broker = classifier.Broker;
        _proxy = TcpProxy.Start(broker.Host, broker.IsDefaultPort ? 5672 : broker.Port);
        _host = await TestHosts.StartAsync(() => Build(_proxy.Through(broker)), TestContext.Current.CancellationToken);
        _http = HostHttp.For(_host.Services);
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        await TestHosts.StopAsync(_host);
        if (_proxy is not null)
        {
            await _proxy.DisposeAsync();
        }

        _dataDir.Dispose();
    }

    [Fact]
    public async Task Should_turn_unready_when_the_broker_goes_away_and_ready_again_when_it_returns()
    {
        classifier.SkipUnlessBrokerAvailable();
        var (status, ready) = await ReadyAsync();
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(["consumers", "masstransit-bus", "store"], Checks(ready).Keys.Order(StringComparer.Ordinal));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        _proxy!.Cut();
        var lost = await Eventually.MatchesAsync(ReadyAsync, r => r.Status == HttpStatusCode.ServiceUnavailable, LossDeadline, "/health/ready answers 503 once the broker is gone");
        // The bus's own check or the consumers check (which also asks the broker) notices first; either names the broker.
        Assert.Contains(Checks(lost.Body), c => c.Key is "masstransit-bus" or "consumers" && c.Value != "Healthy");
        Assert.Equal("Healthy", Checks(lost.Body)["store"]);
        var unreadyAfter = clock.Elapsed;

        clock.Restart();
        _proxy.Restore();
        var back = await Eventually.MatchesAsync(ReadyAsync, r => r.Status == HttpStatusCode.OK, ReconnectDeadline, "/health/ready answers 200 once the bus has reconnected");
        Assert.All(Checks(back.Body).Values, s => Assert.Equal("Healthy", s));
        TestContext.Current.TestOutputHelper?.WriteLine($"503 {unreadyAfter.TotalSeconds:0.0} s after the cut, 200 {clock.Elapsed.TotalSeconds:0.0} s after the restore");

        using var live = await _http!.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> ReadyAsync()
    {
        using var response = await _http!.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response.StatusCode, JsonDocument.Parse(body).RootElement.Clone());
    }

    private static Dictionary<string, string?> Checks(JsonElement ready) =>
        ready.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());

    private WebApplication Build(Uri broker) =>
        ServiceHost.Build(
            TestHosts.Arguments($"--ConnectionStrings:rabbitmq={broker}", $"--EventSync:DataDir={_dataDir.Path}"),
            builder => builder.AddEventSyncService(_ => { }, _ => { }));
}

using System.Text;
using EventSync.Classifier.Extensions;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Classifier.Tests;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, the host exports its traces (MassTransit's consume spans among them) and
/// metrics over OTLP. The collector is a stand-in on a loopback port; the classifier runs on the in-memory transport.
/// </summary>
public sealed class TracingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TemporaryDataDir _dataDir = new();
    private OtlpCollector? _collector;
    private WebApplication? _host;

    public async ValueTask InitializeAsync()
    {
        _collector = await OtlpCollector.StartAsync(TestContext.Current.CancellationToken);
        _host = await TestHosts.StartAsync(Build, TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await TestHosts.StopAsync(_host);
        if (_collector is not null)
        {
            await _collector.DisposeAsync();
        }

        _dataDir.Dispose();
    }

    [Fact]
    public async Task Should_export_the_consume_spans_and_the_metrics_over_otlp_when_an_endpoint_is_configured()
    {
        var synced = new RecordSynced { EventId = Guid.NewGuid().ToString(), TenantId = SyncFailures.NewTenant("tracing"), ObjectType = "contact", HubSpotId = "4713" };

        await _host!.Services.GetRequiredService<IBus>().Publish(synced, TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(
            () => Task.FromResult(Exported("/v1/traces", "record-synced") && Exported("/v1/metrics", "eventsync.events.received")),
            Deadline,
            "a trace export with the record-synced consume span and a metrics export with the classifier's counters arrive");
    }

    private bool Exported(string path, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return _collector!.Exports.Any(e => e.Path == path && e.Body.AsSpan().IndexOf(bytes) >= 0);
    }

    private WebApplication Build() =>
        ServiceHost.Build(
            TestHosts.Arguments(
                $"--EventSync:DataDir={_dataDir.Path}",
                $"--OTEL_EXPORTER_OTLP_ENDPOINT={_collector!.Address}",
                "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
                "--OTEL_BSP_SCHEDULE_DELAY=200",
                "--OTEL_METRIC_EXPORT_INTERVAL=500"),
            builder => builder.AddClassifierWorker());
}

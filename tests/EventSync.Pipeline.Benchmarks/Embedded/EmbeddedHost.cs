using System.Diagnostics;
using EventSync.Contracts;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Pipeline.Benchmarks.Pipeline;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Standalone.Extensions;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Pipeline.Benchmarks.Embedded;

/// <summary>
/// The standalone host (in-memory bus + SQLite, every service composed as <c>AddStandalone</c> does) in this process,
/// fed by in-process publishing; an extra receive endpoint notes each SyncErrorClassified, as the broker listener does.
/// </summary>
internal sealed class EmbeddedHost : IAsyncDisposable
{
    private readonly TemporaryFolder _dataDir;
    private readonly WebApplication _app;
    private readonly HostReceiveEndpointHandle _listener;

    private EmbeddedHost(TemporaryFolder dataDir, WebApplication app, HostReceiveEndpointHandle listener)
    {
        _dataDir = dataDir;
        _app = app;
        _listener = listener;
    }

    public StoredEventLog Log { get; } = new();

    public static async Task<EmbeddedHost> StartAsync(ClassifierTuning tuning, CancellationToken cancellationToken)
    {
        var dataDir = new TemporaryFolder("bench-embedded");
        string[] args =
        [
            $"--EventSync:DataDir={dataDir.Path}",
            $"--Urls=http://127.0.0.1:{FreePorts.Next()}",
            "--EventSync:Api:AdminKey=benchmark-only-key",
            "--Serilog:MinimumLevel:Default=Warning",
            "--Serilog:MinimumLevel:Override:MassTransit=Warning",
            "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Warning",
            .. tuning.Environment().Where(setting => setting.Key.StartsWith("EventSync__", StringComparison.Ordinal)).Select(setting => $"--{setting.Key.Replace("__", ":", StringComparison.Ordinal)}={setting.Value}"),
        ];
        var app = ServiceHost.Build(args, builder => builder.AddStandalone(demo: false));
        await app.StartAsync(cancellationToken);

        StoredEventLog? log = null;
        var listener = app.Services.GetRequiredService<IReceiveEndpointConnector>().ConnectReceiveEndpoint(
            "eventsync-bench-classified",
            (_, endpoint) => endpoint.Handler<SyncErrorClassified>(context =>
            {
                log!.Note(context.Message.EventId, context.Message.Occurrence.ToString(), Stopwatch.GetTimestamp());
                return Task.CompletedTask;
            }));
        var host = new EmbeddedHost(dataDir, app, listener);
        log = host.Log;
        await listener.Ready.WaitAsync(cancellationToken);
        return host;
    }

    /// <summary>The workload published in process, the way the API's <c>POST /api/failures</c> hands events to the bus.</summary>
    public PipelinePhase.PublishAll Publisher(int inFlight)
    {
        var bus = _app.Services.GetRequiredService<IBus>();
        return (messages, rate, onPublishing, cancellationToken) =>
            OfferedLoad.RunAsync(messages.Count, rate, inFlight, i =>
            {
                onPublishing(i, Stopwatch.GetTimestamp());
                return new ValueTask(bus.Publish(messages[i].Message, cancellationToken));
            }, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _listener.StopAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _dataDir.Dispose();
    }
}

using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Usage;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Extensions;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>
/// A real resync worker host (ServiceHost.Build, the worker's own registrations) on RabbitMQ, with a fake clock, a
/// MassTransit engine on <see cref="ResyncQueues.MassTransitEngine"/> and a consumer of surfaced errors. Several hosts
/// can share one store (competing worker instances).
/// </summary>
public sealed class ResyncHost : IAsyncDisposable
{
    public const string MassTransitEngineId = "dotnet-engine";

    private readonly WebApplication _app;

    private ResyncHost(WebApplication app, TimeProvider time)
    {
        _app = app;
        Time = time;
    }

    public TimeProvider Time { get; }

    public IServiceProvider Services => _app.Services;

    public ReceivedMessages Received => Services.GetRequiredService<ReceivedMessages>();

    public IResyncRequestStore Requests => Services.GetRequiredService<IResyncRequestStore>();

    public IApiBudgetStore Budgets => Services.GetRequiredService<IApiBudgetStore>();

    public IApiUsageStore Usage => Services.GetRequiredService<IApiUsageStore>();

    public ISyncErrorStore Errors => Services.GetRequiredService<ISyncErrorStore>();

    public static async Task<ResyncHost> StartAsync(
        Uri broker, TimeProvider time, string dataDir, bool consumeSurfaced = false, params string[] settings)
    {
        var arguments = TestHosts.Arguments(
        [
            $"--ConnectionStrings:rabbitmq={broker}",
            $"--EventSync:DataDir={dataDir}",
            "--EventSync:Messaging:RetryLimit=1",
            "--EventSync:Messaging:RetryMinInterval=00:00:00.100",
            $"--EventSync:Resync:Engines:{MassTransitEngineId}:Address=queue:{ResyncQueues.MassTransitEngine}",
            .. settings,
        ]);
        var app = await TestHosts.StartAsync(
            () => ServiceHost.Build(arguments, builder =>
            {
                builder.AddResyncWorker(bus =>
                {
                    bus.AddConsumer<MassTransitEngineConsumer>().Endpoint(e => e.Name = ResyncQueues.MassTransitEngine);
                    if (consumeSurfaced)
                    {
                        bus.AddConsumer<SurfacedErrorConsumer>().Endpoint(e => e.Name = "test-surfaced-errors");
                    }
                });
                builder.Services.AddSingleton<TimeProvider>(time);
                builder.Services.AddSingleton<ReceivedMessages>();
            }),
            TestContext.Current.CancellationToken);
        return new ResyncHost(app, time);
    }

    /// <summary>What a Quartz wake-up does: sends what fits of the tenant's waiting resyncs now (on the fake clock).</summary>
    public async Task DispatchAsync(string tenantId)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResyncDispatcher>().DispatchAsync(tenantId, TestContext.Current.CancellationToken);
    }

    public Task PublishAsync<T>(T message)
        where T : class =>
        Services.GetRequiredService<IBus>().Publish(message, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync() => await TestHosts.StopAsync(_app);
}

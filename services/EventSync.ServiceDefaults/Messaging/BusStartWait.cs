using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Holds the host's start until every receive endpoint of the bus consumes, as MassTransit's <c>WaitUntilStarted</c> does,
/// but for at most <see cref="MessagingOptions.StartWait"/>. Then the service starts anyway: it answers liveness, readiness
/// is 503 naming what does not consume, and the endpoints keep trying by themselves until the broker lets them.
/// </summary>
internal sealed partial class BusStartWait(IBusControl bus, IOptions<MessagingOptions> options, ILogger<BusStartWait> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var wait = options.Value.StartWait;
        if (await bus.WaitForHealthStatus(BusHealthStatus.Healthy, wait) != BusHealthStatus.Healthy)
        {
            StartedUnready(logger, wait, bus.CheckHealth().Description);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "Not every receive endpoint consumes after {StartWait}: starting unready, the endpoints keep trying. {BusHealth}")]
    private static partial void StartedUnready(ILogger logger, TimeSpan startWait, string busHealth);
}

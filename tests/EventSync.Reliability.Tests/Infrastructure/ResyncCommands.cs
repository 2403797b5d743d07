using EventSync.Contracts;
using MassTransit;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>Resync commands published as the API does: through MassTransit's own topology.</summary>
public static class ResyncCommands
{
    public static async Task PublishAsync(Uri broker, IEnumerable<ResyncErrors> commands, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg => cfg.Host(broker));
        await bus.StartAsync(cancellationToken);
        try
        {
            foreach (var command in commands)
            {
                await bus.Publish(command, cancellationToken);
            }
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }
}

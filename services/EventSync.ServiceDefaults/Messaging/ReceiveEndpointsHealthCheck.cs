using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Readiness of the receive endpoints: unhealthy while any endpoint this process configured has no consumer, as this
/// process sees it or, on RabbitMQ, as the broker sees it (a queue with no consumer at all), naming each such queue and why.
/// </summary>
internal sealed class ReceiveEndpointsHealthCheck(ReceiveEndpointConsumers consumers, BrokerQueueConsumers? broker = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var queues = consumers.Queues;
        var missing = new SortedDictionary<string, string>(consumers.WithoutConsumer.ToDictionary(), StringComparer.Ordinal);
        if (missing.Count == 0 && broker is not null)
        {
            try
            {
                var counts = await broker.CountAsync(queues, cancellationToken);
                foreach (var (queue, count) in counts.Where(c => c.Value == 0))
                {
                    missing[queue] = "the broker has no consumer on this queue";
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return HealthCheckResult.Unhealthy($"The broker could not be asked for the consumers of {queues.Count} receive endpoints.", e);
            }
        }

        return missing.Count == 0
            ? HealthCheckResult.Healthy($"{queues.Count} receive endpoints consuming.")
            : HealthCheckResult.Unhealthy(
                $"No consumer on {missing.Count} of {queues.Count} receive endpoints: {string.Join("; ", missing.Select(m => $"{m.Key} ({m.Value})"))}.");
    }
}

using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Webhooks;
using MassTransit;

namespace EventSync.Notifications.Consumers;

/// <summary>
/// Errors a sync resolved, taken in batches (up to <see cref="SyncErrorResolvedConsumerDefinition.BatchSize"/> or what came
/// within <see cref="SyncErrorResolvedConsumerDefinition.BatchTime"/>): per tenant, one <c>errors</c> delivery listing them
/// (each <c>error.resolved</c>) to each enabled endpoint subscribed to <c>error.resolved</c>. Resolutions are not alerts: they
/// never reach the alert windows or the emails. The delivery id is derived from the errors and the endpoint, so a batch
/// redelivered whole is the same delivery.
/// </summary>
internal sealed class SyncErrorResolvedConsumer(WebhookDispatcher webhooks) : IConsumer<Batch<SyncErrorResolved>>
{
    public async Task Consume(ConsumeContext<Batch<SyncErrorResolved>> context)
    {
        foreach (var tenant in context.Message.Select(m => m.Message).GroupBy(m => m.TenantId, StringComparer.Ordinal))
        {
            var endpoints = (await webhooks.EnabledEndpointsAsync(tenant.Key, context.CancellationToken)).Where(e => e.Wants(WebhookEvents.ErrorResolved)).ToList();
            if (endpoints.Count == 0)
            {
                continue;
            }

            var resolved = tenant.DistinctBy(m => m.ErrorId, StringComparer.Ordinal).OrderBy(m => m.ResolvedAt).ThenBy(m => m.ErrorId, StringComparer.Ordinal).ToList();
            var data = WebhookJson.ToElement(DataOf(resolved));
            var key = string.Join(',', resolved.Select(m => $"{m.ErrorId}@{m.ResolvedAt.UtcTicks}"));
            foreach (var endpoint in endpoints)
            {
                var deliveryId = WebhookDeliveryIds.For(WebhookEvents.ErrorResolved, tenant.Key, key, endpoint.Id);
                await webhooks.SendAsync(tenant.Key, endpoint, deliveryId, WebhookEvents.Errors, resolved[^1].ResolvedAt, data, context.CancellationToken);
            }
        }
    }

    private static WebhookErrorsData DataOf(List<SyncErrorResolved> resolved) =>
        new(
            resolved[0].ResolvedAt,
            resolved[^1].ResolvedAt,
            resolved.Count,
            resolved.GroupBy(m => m.ErrorType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal),
            [.. resolved.Select(m => new WebhookErrorItem(m.ErrorId, WebhookEvents.ErrorResolved, m.Category, m.ErrorType, m.ObjectType, m.HubSpotId, m.SalesforceId, m.ResolvedAt))]);
}

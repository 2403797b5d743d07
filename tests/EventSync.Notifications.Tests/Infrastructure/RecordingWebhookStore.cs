using System.Collections.Concurrent;
using EventSync.Core.Webhooks;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// An <see cref="IWebhookStore"/> in memory that keeps every recorded attempt as well as the latest per delivery (what
/// the store keeps), for the consumer tests until the embedded store has webhooks.
/// </summary>
public sealed class RecordingWebhookStore : IWebhookStore
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<WebhookEndpoint>> _endpoints = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string TenantId, WebhookDeliveryOutcome Outcome)> _attempts = new();

    /// <summary>Every attempt recorded, in order.</summary>
    public IReadOnlyList<WebhookDeliveryOutcome> Attempts(string tenantId) => [.. _attempts.Where(a => a.TenantId == tenantId).Select(a => a.Outcome)];

    public Task<IReadOnlyList<WebhookEndpoint>> GetEndpointsAsync(string tenantId, CancellationToken cancellationToken) =>
        Task.FromResult(_endpoints.GetValueOrDefault(tenantId) ?? []);

    public Task ReplaceEndpointsAsync(string tenantId, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken)
    {
        _endpoints[tenantId] = [.. endpoints];
        return Task.CompletedTask;
    }

    public Task RecordDeliveryAsync(string tenantId, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        _attempts.Enqueue((tenantId, outcome));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<WebhookDeliveryOutcome>> GetRecentDeliveriesAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        IReadOnlyList<WebhookDeliveryOutcome> latest =
        [
            .. Attempts(tenantId).GroupBy(a => a.DeliveryId, StringComparer.Ordinal).Select(g => g.Last()).OrderByDescending(a => a.At).Take(limit),
        ];
        return Task.FromResult(latest);
    }
}

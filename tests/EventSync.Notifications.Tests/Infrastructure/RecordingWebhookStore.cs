using System.Collections.Concurrent;
using EventSync.Core.Webhooks;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// The worker's real webhook store with every recorded attempt also kept in order: the store keeps only the latest attempt
/// of a delivery, and a test of retries checks each one.
/// </summary>
public sealed class RecordingWebhookStore : IWebhookStore
{
    private readonly ConcurrentQueue<(string TenantId, WebhookDeliveryOutcome Outcome)> _attempts = new();
    private IWebhookStore? _store;

    private IWebhookStore Store => _store ?? throw new InvalidOperationException("The worker has not resolved its webhook store yet.");

    /// <summary>Puts the recording in front of the worker's store (done when the worker resolves it).</summary>
    public RecordingWebhookStore Over(IWebhookStore store)
    {
        _store = store;
        return this;
    }

    /// <summary>Every attempt recorded, in order.</summary>
    public IReadOnlyList<WebhookDeliveryOutcome> Attempts(string tenantId) => [.. _attempts.Where(a => a.TenantId == tenantId).Select(a => a.Outcome)];

    public Task<IReadOnlyList<WebhookEndpoint>> GetEndpointsAsync(string tenantId, CancellationToken cancellationToken) => Store.GetEndpointsAsync(tenantId, cancellationToken);

    public Task ReplaceEndpointsAsync(string tenantId, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken) =>
        Store.ReplaceEndpointsAsync(tenantId, endpoints, cancellationToken);

    public async Task RecordDeliveryAsync(string tenantId, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        await Store.RecordDeliveryAsync(tenantId, outcome, cancellationToken);
        _attempts.Enqueue((tenantId, outcome));
    }

    public Task<WebhookDeliveryOutcome?> GetDeliveryAsync(string tenantId, string deliveryId, CancellationToken cancellationToken) =>
        Store.GetDeliveryAsync(tenantId, deliveryId, cancellationToken);

    public Task<IReadOnlyList<WebhookDeliveryOutcome>> GetRecentDeliveriesAsync(string tenantId, int limit, CancellationToken cancellationToken) =>
        Store.GetRecentDeliveriesAsync(tenantId, limit, cancellationToken);
}

namespace EventSync.Core.Webhooks;

/// <summary>
/// Each tenant's webhook endpoints (replaced as a whole) and the outcomes of its recent deliveries. Implementations pass
/// the shared store contract tests.
/// </summary>
public interface IWebhookStore
{
    /// <summary>The most deliveries kept per tenant; older ones are dropped as new ones are recorded.</summary>
    public const int KeptDeliveries = 200;

    /// <summary>The tenant's endpoints in the order they were saved; empty when it has none.</summary>
    Task<IReadOnlyList<WebhookEndpoint>> GetEndpointsAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Replaces the tenant's endpoints as a whole. Validation is the caller's job.</summary>
    Task ReplaceEndpointsAsync(string tenantId, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken);

    /// <summary>Records an attempt: one row per delivery id, the latest attempt replacing an earlier one.</summary>
    Task RecordDeliveryAsync(string tenantId, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken);

    /// <summary>The latest attempt of one delivery; null when none is kept.</summary>
    Task<WebhookDeliveryOutcome?> GetDeliveryAsync(string tenantId, string deliveryId, CancellationToken cancellationToken);

    /// <summary>The tenant's latest deliveries, newest first (by <see cref="WebhookDeliveryOutcome.At"/>), at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<WebhookDeliveryOutcome>> GetRecentDeliveriesAsync(string tenantId, int limit, CancellationToken cancellationToken);
}

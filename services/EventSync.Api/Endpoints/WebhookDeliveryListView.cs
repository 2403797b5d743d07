namespace EventSync.Api.Endpoints;

/// <summary>The answer of <c>GET /api/tenants/{tenantId}/webhooks/deliveries</c>: the latest deliveries, newest first.</summary>
public sealed record WebhookDeliveryListView(IReadOnlyList<WebhookDeliveryView> Deliveries);

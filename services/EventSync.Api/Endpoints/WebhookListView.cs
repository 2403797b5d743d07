namespace EventSync.Api.Endpoints;

/// <summary>The answer of <c>GET</c> and <c>PUT /api/tenants/{tenantId}/webhooks</c>: the endpoints in the order they were saved.</summary>
public sealed record WebhookListView(IReadOnlyList<WebhookEndpointView> Endpoints);

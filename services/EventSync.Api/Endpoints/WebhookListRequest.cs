namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>PUT /api/tenants/{tenantId}/webhooks</c>: every endpoint of the tenant (an empty list removes them all).</summary>
public sealed record WebhookListRequest(IReadOnlyList<WebhookEndpointRequest> Endpoints);

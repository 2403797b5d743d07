using EventSync.Core.Webhooks;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>One per tenant in <c>webhook_endpoints</c>, keyed by the tenant id: the endpoints in the order they were saved.</summary>
internal sealed class WebhookEndpointsDocument
{
    public string TenantId { get; set; } = "";

    public List<WebhookEndpointDocument> Endpoints { get; set; } = [];

    public static WebhookEndpointsDocument From(string tenantId, IReadOnlyList<WebhookEndpoint> endpoints) => new()
    {
        TenantId = tenantId,
        Endpoints = [.. endpoints.Select(WebhookEndpointDocument.From)],
    };
}

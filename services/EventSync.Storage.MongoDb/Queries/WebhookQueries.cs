using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb.Queries;

/// <summary>A tenant's deliveries newest first, and the index that serves it (and the pruning beyond the kept ones).</summary>
internal static class WebhookQueries
{
    public static SortDefinition<WebhookDeliveryDocument> NewestFirst { get; } =
        Builders<WebhookDeliveryDocument>.Sort.Descending(d => d.At).Descending(d => d.DeliveryId);

    public static FilterDefinition<WebhookDeliveryDocument> OfTenant(string tenantId) =>
        Builders<WebhookDeliveryDocument>.Filter.Eq(d => d.TenantId, tenantId);

    public static CreateIndexModel<WebhookDeliveryDocument> Index() =>
        new(
            Builders<WebhookDeliveryDocument>.IndexKeys.Ascending(d => d.TenantId).Descending(d => d.At).Descending(d => d.DeliveryId),
            new CreateIndexOptions { Name = "webhook_deliveries_by_time" });
}

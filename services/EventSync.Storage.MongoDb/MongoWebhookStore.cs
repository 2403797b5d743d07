using EventSync.Core.Webhooks;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// A tenant's webhook endpoints as one document (its id the tenant's), replaced whole; its deliveries one document each,
/// the oldest beyond <see cref="IWebhookStore.KeptDeliveries"/> removed as new ones are recorded.
/// </summary>
public sealed class MongoWebhookStore(MongoStoreContext context) : IWebhookStore
{
    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public async Task<IReadOnlyList<WebhookEndpoint>> GetEndpointsAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await context.WebhookEndpoints.Find(d => d.TenantId == tenantId).FirstOrDefaultAsync(cancellationToken);
        return document is null ? [] : [.. document.Endpoints.Select(e => e.ToEndpoint())];
    }

    public Task ReplaceEndpointsAsync(string tenantId, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return context.WebhookEndpoints.ReplaceOneAsync(d => d.TenantId == tenantId, WebhookEndpointsDocument.From(tenantId, endpoints), Upsert, cancellationToken);
    }

    public async Task RecordDeliveryAsync(string tenantId, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var document = WebhookDeliveryDocument.From(tenantId, outcome);
        await context.WebhookDeliveries.ReplaceOneAsync(d => d.Id == document.Id, document, Upsert, cancellationToken);

        // The oldest beyond the kept ones: found through the index, removed by id (a concurrent record keeps at most a few more).
        var beyond = await context.WebhookDeliveries.Find(WebhookQueries.OfTenant(tenantId))
            .Sort(WebhookQueries.NewestFirst)
            .Skip(IWebhookStore.KeptDeliveries)
            .Project(d => d.Id)
            .ToListAsync(cancellationToken);
        if (beyond.Count > 0)
        {
            await context.WebhookDeliveries.DeleteManyAsync(Builders<WebhookDeliveryDocument>.Filter.In(d => d.Id, beyond), cancellationToken);
        }
    }

    public async Task<WebhookDeliveryOutcome?> GetDeliveryAsync(string tenantId, string deliveryId, CancellationToken cancellationToken)
    {
        var id = WebhookDeliveryDocument.IdOf(tenantId, deliveryId);
        var document = await context.WebhookDeliveries.Find(d => d.Id == id).FirstOrDefaultAsync(cancellationToken);
        return document?.ToOutcome();
    }

    public async Task<IReadOnlyList<WebhookDeliveryOutcome>> GetRecentDeliveriesAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        var documents = await context.WebhookDeliveries.Find(WebhookQueries.OfTenant(tenantId))
            .Sort(WebhookQueries.NewestFirst)
            .Limit(Math.Clamp(limit, 0, IWebhookStore.KeptDeliveries))
            .ToListAsync(cancellationToken);
        return [.. documents.Select(d => d.ToOutcome())];
    }
}

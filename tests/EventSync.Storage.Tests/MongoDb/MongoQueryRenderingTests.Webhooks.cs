using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;

namespace EventSync.Storage.Tests.MongoDb;

// webhook_deliveries: a tenant's deliveries newest first, served (and pruned) through one index in the same order.
public sealed partial class MongoQueryRenderingTests
{
    [Fact]
    public void Should_read_a_tenants_webhook_deliveries_newest_first_through_the_index_in_that_order()
    {
        AssertBson("{ tenantId: 'portal-4711' }", Render(WebhookQueries.OfTenant("portal-4711")));
        AssertBson("{ at: -1, deliveryId: -1 }", WebhookQueries.NewestFirst.Render(Args<WebhookDeliveryDocument>()));
        AssertBson("{ tenantId: 1, at: -1, deliveryId: -1 }", WebhookQueries.Index().Keys.Render(Args<WebhookDeliveryDocument>()));
    }
}

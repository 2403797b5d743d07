using EventSync.Core.Webhooks;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// A tenant's webhook endpoints as one row in <c>webhook_endpoints</c>, replaced whole; its deliveries in
/// <c>webhook_deliveries</c>, one row per delivery id, the oldest beyond <see cref="IWebhookStore.KeptDeliveries"/> removed as
/// new ones are recorded.
/// </summary>
public sealed class SqliteWebhookStore(SqliteStoreContext context) : IWebhookStore
{
    private const string SelectEndpoints = "SELECT body FROM webhook_endpoints WHERE tenant_id = @tenant";

    private const string SaveEndpoints = """
        INSERT INTO webhook_endpoints (tenant_id, body) VALUES (@tenant, @body)
        ON CONFLICT DO UPDATE SET body = excluded.body
        """;

    private const string SaveDelivery = """
        INSERT INTO webhook_deliveries (tenant_id, delivery_id, at, body) VALUES (@tenant, @delivery, @at, @body)
        ON CONFLICT DO UPDATE SET at = excluded.at, body = excluded.body
        """;

    private const string PruneDeliveries = """
        DELETE FROM webhook_deliveries WHERE tenant_id = @tenant AND delivery_id IN (
            SELECT delivery_id FROM webhook_deliveries WHERE tenant_id = @tenant ORDER BY at DESC, delivery_id DESC LIMIT -1 OFFSET @kept)
        """;

    private const string SelectDelivery = "SELECT body FROM webhook_deliveries WHERE tenant_id = @tenant AND delivery_id = @delivery";

    private const string SelectDeliveries = """
        SELECT body FROM webhook_deliveries WHERE tenant_id = @tenant ORDER BY at DESC, delivery_id DESC LIMIT @limit
        """;

    public Task<IReadOnlyList<WebhookEndpoint>> GetEndpointsAsync(string tenantId, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<WebhookEndpoint>>(
            session => session.Command(SelectEndpoints)
                .With("@tenant", tenantId)
                .ReadFirst(r => SqliteJson.Read<List<WebhookEndpoint>>(r.GetString(0), "Webhook endpoints"))
                ?? [],
            cancellationToken);

    public Task ReplaceEndpointsAsync(string tenantId, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return context.WriteAsync(
            session => session.Command(SaveEndpoints)
                .With("@tenant", tenantId)
                .With("@body", SqliteJson.Write(endpoints.ToList()))
                .ExecuteNonQuery(),
            cancellationToken);
    }

    public Task RecordDeliveryAsync(string tenantId, WebhookDeliveryOutcome outcome, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return context.WriteAsync(
            session =>
            {
                session.Command(SaveDelivery)
                    .With("@tenant", tenantId)
                    .With("@delivery", outcome.DeliveryId)
                    .With("@at", outcome.At.UtcTicks)
                    .With("@body", SqliteJson.Write(outcome))
                    .ExecuteNonQuery();
                return session.Command(PruneDeliveries).With("@tenant", tenantId).With("@kept", IWebhookStore.KeptDeliveries).ExecuteNonQuery();
            },
            cancellationToken);
    }

    public Task<WebhookDeliveryOutcome?> GetDeliveryAsync(string tenantId, string deliveryId, CancellationToken cancellationToken) =>
        context.ReadAsync(
            session => session.Command(SelectDelivery)
                .With("@tenant", tenantId)
                .With("@delivery", deliveryId)
                .ReadFirst(r => SqliteJson.Read<WebhookDeliveryOutcome>(r.GetString(0), "Webhook delivery")),
            cancellationToken);

    public Task<IReadOnlyList<WebhookDeliveryOutcome>> GetRecentDeliveriesAsync(string tenantId, int limit, CancellationToken cancellationToken) =>
        context.ReadAsync<IReadOnlyList<WebhookDeliveryOutcome>>(
            session => session.Command(SelectDeliveries)
                .With("@tenant", tenantId)
                .With("@limit", Math.Clamp(limit, 0, IWebhookStore.KeptDeliveries))
                .ReadAll(r => SqliteJson.Read<WebhookDeliveryOutcome>(r.GetString(0), "Webhook delivery")),
            cancellationToken);
}

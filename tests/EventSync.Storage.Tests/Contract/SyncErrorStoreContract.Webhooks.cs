using EventSync.Core.Webhooks;

namespace EventSync.Storage.Tests.Contract;

// The webhook part of the store contract: each tenant's endpoints replaced whole, and its latest deliveries, one per
// delivery id, newest first, the oldest dropped beyond the kept number.
public abstract partial class SyncErrorStoreContract
{
    private static readonly DateTimeOffset DeliveredAt = new(2026, 12, 7, 9, 30, 0, TimeSpan.Zero);

    [Fact]
    public async Task Should_keep_each_tenants_webhook_endpoints_apart_in_their_order_and_replace_them_whole()
    {
        await using var store = await StartAsync();
        Assert.Empty(await store.Webhooks.GetEndpointsAsync(Tenant, Ct));

        var chat = new WebhookEndpoint("chat", "https://hooks.slack.example/T0/B0/x", "a-secret-of-sixteen", WebhookFormats.Slack, [WebhookEvents.ErrorNew, WebhookEvents.Digest], Enabled: true);
        var pager = new WebhookEndpoint("pager", "https://pager.example/in", "another-secret-16", WebhookFormats.Json, [WebhookEvents.ErrorSurfaced], Enabled: false);
        await store.Webhooks.ReplaceEndpointsAsync(Tenant, [pager, chat], Ct);
        await store.Webhooks.ReplaceEndpointsAsync(OtherTenant, [chat with { Url = "https://other.example/hook" }], Ct);

        var stored = await store.Webhooks.GetEndpointsAsync(Tenant, Ct);
        Assert.Equal(["pager", "chat"], stored.Select(e => e.Id));
        AssertSameEndpoint(pager, stored[0]);
        AssertSameEndpoint(chat, stored[1]);
        Assert.Equal("https://other.example/hook", Assert.Single(await store.Webhooks.GetEndpointsAsync(OtherTenant, Ct)).Url);

        await store.Webhooks.ReplaceEndpointsAsync(Tenant, [chat with { Enabled = false }], Ct);
        Assert.False(Assert.Single(await store.Webhooks.GetEndpointsAsync(Tenant, Ct)).Enabled);
        await store.Webhooks.ReplaceEndpointsAsync(Tenant, [], Ct);
        Assert.Empty(await store.Webhooks.GetEndpointsAsync(Tenant, Ct));
        Assert.Single(await store.Webhooks.GetEndpointsAsync(OtherTenant, Ct));
    }

    [Fact]
    public async Task Should_keep_the_latest_attempt_of_each_webhook_delivery_newest_first_and_apart_per_tenant()
    {
        await using var store = await StartAsync();
        Assert.Empty(await store.Webhooks.GetRecentDeliveriesAsync(Tenant, 50, Ct));

        await store.Webhooks.RecordDeliveryAsync(Tenant, Outcome("d-1", 1, "retrying", 503, DeliveredAt), Ct);
        await store.Webhooks.RecordDeliveryAsync(Tenant, Outcome("d-2", 1, "delivered", 200, DeliveredAt.AddSeconds(1)), Ct);
        await store.Webhooks.RecordDeliveryAsync(Tenant, Outcome("d-1", 2, "delivered", 204, DeliveredAt.AddSeconds(5)), Ct);
        await store.Webhooks.RecordDeliveryAsync(OtherTenant, Outcome("d-1", 1, "failed", null, DeliveredAt), Ct);

        var recent = await store.Webhooks.GetRecentDeliveriesAsync(Tenant, 50, Ct);
        Assert.Equal(["d-1", "d-2"], recent.Select(d => d.DeliveryId));
        Assert.Equal(Outcome("d-1", 2, "delivered", 204, DeliveredAt.AddSeconds(5)), recent[0]);
        Assert.Equal(["d-1"], (await store.Webhooks.GetRecentDeliveriesAsync(Tenant, 1, Ct)).Select(d => d.DeliveryId));
        Assert.Equal(recent[0], await store.Webhooks.GetDeliveryAsync(Tenant, "d-1", Ct));
        Assert.Null(await store.Webhooks.GetDeliveryAsync(Tenant, "unknown", Ct));
        Assert.Equal("failed", (await store.Webhooks.GetDeliveryAsync(OtherTenant, "d-1", Ct))!.Outcome);
        var other = Assert.Single(await store.Webhooks.GetRecentDeliveriesAsync(OtherTenant, 50, Ct));
        Assert.Equal(("failed", (int?)null), (other.Outcome, other.StatusCode));
    }

    [Fact]
    public async Task Should_drop_the_oldest_webhook_deliveries_beyond_the_kept_number()
    {
        await using var store = await StartAsync();
        var total = IWebhookStore.KeptDeliveries + 5;
        for (var i = 0; i < total; i++)
        {
            await store.Webhooks.RecordDeliveryAsync(Tenant, Outcome($"d-{i:D3}", 1, "delivered", 200, DeliveredAt.AddSeconds(i)), Ct);
        }

        await store.Webhooks.RecordDeliveryAsync(OtherTenant, Outcome("kept", 1, "delivered", 200, DeliveredAt.AddDays(-30)), Ct);

        var recent = await store.Webhooks.GetRecentDeliveriesAsync(Tenant, int.MaxValue, Ct);
        Assert.Equal(IWebhookStore.KeptDeliveries, recent.Count);
        Assert.Equal($"d-{total - 1:D3}", recent[0].DeliveryId);
        Assert.Equal("d-005", recent[^1].DeliveryId);
        Assert.Single(await store.Webhooks.GetRecentDeliveriesAsync(OtherTenant, 10, Ct));
    }

    private static WebhookDeliveryOutcome Outcome(string deliveryId, int attempt, string outcome, int? status, DateTimeOffset at) =>
        new(deliveryId, "chat", WebhookEvents.Errors, attempt, outcome, status, status is null ? "refused: a private address" : $"HTTP {status}", at);

    private static void AssertSameEndpoint(WebhookEndpoint expected, WebhookEndpoint actual)
    {
        Assert.Equal(expected with { Events = [] }, actual with { Events = [] });
        Assert.Equal(expected.Events, actual.Events);
    }
}

using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.Testing;
using EventSync.Testing.Http;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>POST /api/tenants/{t}/webhooks/{id}/test</c> sends a <see cref="DeliverWebhook"/> test to the <c>deliver-webhook</c>
/// queue and answers 202 with its id; <c>GET .../webhooks/deliveries</c> lists what the store holds, newest first.
/// </summary>
public sealed class WebhookDeliveryTests(AuditApiHost host) : IClassFixture<AuditApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_answer_202_and_send_a_test_delivery_to_the_deliver_webhook_queue_when_the_endpoint_exists()
    {
        var tenant = SyncFailures.NewTenant("hooks-test");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops", enabled: false));
        var sent = new SentMessages<DeliverWebhook>();
        using var observer = host.Services.GetRequiredService<IBus>().ConnectSendObserver(sent);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "webhooks/ops/test"), host.AdaKey);

        var deliveryId = (await Problems.JsonAsync(response, HttpStatusCode.Accepted)).GetProperty("deliveryId").GetString();
        Assert.False(string.IsNullOrEmpty(deliveryId));
        var (command, destination) = Assert.Single(sent.Sent, s => s.Message.TenantId == tenant);
        Assert.Equal((deliveryId, "ops", WebhookEvents.Test), (command.DeliveryId, command.EndpointId, command.Event));
        Assert.Null(command.Data);
        Assert.InRange(command.CreatedAt, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal("deliver-webhook", destination!.AbsolutePath.Trim('/').Split('/')[^1]);
    }

    [Fact]
    public async Task Should_answer_404_and_send_nothing_when_the_endpoint_id_is_unknown()
    {
        var tenant = SyncFailures.NewTenant("hooks-test-unknown");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops"));
        var sent = new SentMessages<DeliverWebhook>();
        using var observer = host.Services.GetRequiredService<IBus>().ConnectSendObserver(sent);

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "webhooks/other/test"), host.AdaKey);

        Assert.Contains("\"other\"", (await Problems.ReadAsync(response, HttpStatusCode.NotFound)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(sent.Sent, s => s.Message.TenantId == tenant);
    }

    [Fact]
    public async Task Should_answer_403_when_an_operator_asks_for_a_test_delivery()
    {
        var tenant = SyncFailures.NewTenant("hooks-test-operator");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops"));

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "webhooks/ops/test"), host.OttoKey);

        await Problems.ReadAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_list_the_stored_deliveries_newest_first_when_an_operator_reads_them()
    {
        var tenant = SyncFailures.NewTenant("hooks-deliveries");
        var store = host.Services.GetRequiredService<IWebhookStore>();
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
        await store.RecordDeliveryAsync(tenant, new WebhookDeliveryOutcome("d-1", "ops", WebhookEvents.Test, 1, "delivered", 204, null, at), Ct);
        await store.RecordDeliveryAsync(tenant, new WebhookDeliveryOutcome("d-2", "ops", WebhookEvents.Digest, 2, "retrying", 503, "Service Unavailable", at.AddMinutes(1)), Ct);

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "webhooks/deliveries"), host.OttoKey);

        var deliveries = (await Problems.JsonAsync(response)).GetProperty("deliveries").EnumerateArray().ToList();
        Assert.Equal(["d-2", "d-1"], deliveries.Select(d => d.GetProperty("deliveryId").GetString()));
        var latest = deliveries[0];
        Assert.Equal(
            ["at", "attempt", "deliveryId", "detail", "endpointId", "event", "outcome", "statusCode"],
            latest.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("ops", "digest", 2, "retrying", 503, "Service Unavailable"), (
            latest.GetProperty("endpointId").GetString(), latest.GetProperty("event").GetString(), latest.GetProperty("attempt").GetInt32(),
            latest.GetProperty("outcome").GetString(), latest.GetProperty("statusCode").GetInt32(), latest.GetProperty("detail").GetString()));
        Assert.Equal(at.AddMinutes(1), latest.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Should_list_at_most_the_limit_when_one_is_given()
    {
        var tenant = SyncFailures.NewTenant("hooks-deliveries-limit");
        var store = host.Services.GetRequiredService<IWebhookStore>();
        var at = DateTimeOffset.UtcNow;
        for (var i = 0; i < 3; i++)
        {
            await store.RecordDeliveryAsync(tenant, new WebhookDeliveryOutcome($"d-{i}", "ops", WebhookEvents.Test, 1, "delivered", 200, null, at.AddSeconds(i)), Ct);
        }

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "webhooks/deliveries?limit=2"), host.AdaKey);

        Assert.Equal(["d-2", "d-1"], (await Problems.JsonAsync(response)).GetProperty("deliveries").EnumerateArray().Select(d => d.GetProperty("deliveryId").GetString()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("201")]
    [InlineData("ten")]
    public async Task Should_answer_400_naming_limit_when_it_is_out_of_range(string limit)
    {
        using var response = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("hooks-limit"), $"webhooks/deliveries?limit={limit}"), host.AdaKey);

        Assert.Contains("200", Assert.Single(await Problems.FieldAsync(response, "limit")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_403_when_a_reader_reads_the_deliveries()
    {
        using var response = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("hooks-reader"), "webhooks/deliveries"), host.RitaKey);

        await Problems.ReadAsync(response, HttpStatusCode.Forbidden);
    }
}

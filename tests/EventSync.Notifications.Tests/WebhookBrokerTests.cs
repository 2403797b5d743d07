using EventSync.Contracts;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Consumers;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing.Broker;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Notifications.Tests;

/// <summary>Webhook deliveries over the real broker: a delivery that keeps failing is parked in <c>deliver-webhook_error</c>.</summary>
public sealed class WebhookBrokerTests
{
    private const string Tenant = "portal-webhook-broker";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_park_the_delivery_in_deliver_webhook_error_when_the_receiver_keeps_failing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(DateTimeOffset.UtcNow);
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.ThenStatus = 502;
        var endpoint = new WebhookEndpoint("ep-broker", receiver.Url.ToString(), "whsec-broker", WebhookFormats.Json, [WebhookEvents.ErrorNew], Enabled: true);
        await world.Webhooks.ReplaceEndpointsAsync(Tenant, [endpoint], ct);
        var app = await world.StartWorkerAsync(
            "--EventSync:Webhooks:AllowPrivateAddresses=true",
            "--EventSync:Webhooks:RetryLimit=2",
            "--EventSync:Webhooks:RetryMinInterval=00:00:00.050",
            "--EventSync:Webhooks:RetryMaxInterval=00:00:00.100");

        var delivery = new DeliverWebhook
        {
            TenantId = Tenant, EndpointId = endpoint.Id, DeliveryId = Guid.NewGuid().ToString("N"), Event = WebhookEvents.Test, CreatedAt = DateTimeOffset.UtcNow,
        };
        var queue = await app.Services.GetRequiredService<IBus>().GetSendEndpoint(DeliverWebhookConsumerDefinition.Address);
        await queue.Send(delivery, ct);

        var parked = await ErrorQueueMessage.TakeAsync(world.Broker, NotificationQueues.DeliverWebhookError, delivery.DeliveryId, Deadline, ct);
        Assert.Contains("parked", parked.FaultMessage, StringComparison.Ordinal);
        var latest = Assert.Single(await world.Webhooks.GetRecentDeliveriesAsync(Tenant, 10, ct));
        Assert.Equal((delivery.DeliveryId, 3, WebhookDeliveryOutcomes.Parked, 502), (latest.DeliveryId, latest.Attempt, latest.Outcome, latest.StatusCode ?? 0));
        Assert.Equal(3, receiver.Received.Count);
        Assert.All(receiver.Received, r => Assert.True(r.SignedWith("whsec-broker")));
    }
}

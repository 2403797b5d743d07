using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Webhooks;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// The bytes an endpoint is posted, from the command alone (so every attempt of a delivery posts the same bytes): the
/// versioned JSON body, or a Slack incoming-webhook message (<see cref="SlackBodyRenderer"/>).
/// </summary>
internal sealed class WebhookBodyRenderer(SlackBodyRenderer slack)
{
    public byte[] Render(DeliverWebhook delivery, WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(delivery);
        ArgumentNullException.ThrowIfNull(endpoint);
        var body = new WebhookBody(WebhookBody.CurrentVersion, delivery.DeliveryId, delivery.Event, delivery.TenantId, delivery.CreatedAt, DataOf(delivery, endpoint));
        return endpoint.Format == WebhookFormats.Slack
            ? JsonSerializer.SerializeToUtf8Bytes(slack.Render(body), WebhookJson.Options)
            : JsonSerializer.SerializeToUtf8Bytes(body, WebhookJson.Options);
    }

    private static JsonElement DataOf(DeliverWebhook delivery, WebhookEndpoint endpoint) =>
        delivery.Data is { ValueKind: JsonValueKind.Object } data
            ? data
            : WebhookJson.ToElement(new WebhookTestData("This is a test delivery from EventSync.", endpoint.Id));
}

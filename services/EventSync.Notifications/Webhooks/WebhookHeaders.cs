namespace EventSync.Notifications.Webhooks;

/// <summary>The headers of every delivery (see <see cref="Core.Webhooks.WebhookSignature"/> for the signature).</summary>
internal static class WebhookHeaders
{
    public const string Timestamp = "X-EventSync-Timestamp";

    public const string Delivery = "X-EventSync-Delivery";

    public const string Event = "X-EventSync-Event";

    public const string Signature = "X-EventSync-Signature";

    public const string UserAgent = "EventSync-Webhooks/1";
}

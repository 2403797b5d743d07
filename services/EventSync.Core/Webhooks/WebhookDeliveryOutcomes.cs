namespace EventSync.Core.Webhooks;

/// <summary>The values of <see cref="WebhookDeliveryOutcome.Outcome"/>.</summary>
public static class WebhookDeliveryOutcomes
{
    public const string Delivered = "delivered";

    public const string Retrying = "retrying";

    public const string Failed = "failed";

    public const string Parked = "parked";
}

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>The queues one service sends commands to and another consumes, named once for both.</summary>
public static class CommandQueues
{
    /// <summary>The notification worker's <c>DeliverWebhookConsumer</c>; the API sends test deliveries to it.</summary>
    public const string DeliverWebhook = "deliver-webhook";
}

namespace EventSync.Core.Webhooks;

/// <summary>The bodies a webhook endpoint can be sent: EventSync's versioned JSON, or Slack's incoming-webhook shape.</summary>
public static class WebhookFormats
{
    public const string Json = "json";

    public const string Slack = "slack";

    public static IReadOnlyList<string> All { get; } = [Json, Slack];
}

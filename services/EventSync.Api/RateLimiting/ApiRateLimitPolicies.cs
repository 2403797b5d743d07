namespace EventSync.Api.RateLimiting;

/// <summary>Names of the rate-limit policies that endpoints opt into.</summary>
internal static class ApiRateLimitPolicies
{
    public const string Resync = "tenant-resync";
    public const string Export = "tenant-export";
    public const string NotificationTest = "tenant-notification-test";
    public const string WebhookTest = "tenant-webhook-test";
}

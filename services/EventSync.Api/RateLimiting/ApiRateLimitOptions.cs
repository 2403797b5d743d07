namespace EventSync.Api.RateLimiting;

/// <summary>Limits per tenant (section <c>EventSync:Api:RateLimits</c>), checked when the service starts.</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "EventSync:Api:RateLimits";

    public int ResyncRequestsPerWindow { get; set; } = 30;

    public int ExportsPerWindow { get; set; } = 10;

    /// <summary>Test digests a tenant may send per window: each one mails every recipient.</summary>
    public int NotificationTestsPerWindow { get; set; } = 3;

    /// <summary>Test webhook deliveries a tenant may ask for per window: each one posts to a receiver outside EventSync.</summary>
    public int WebhookTestsPerWindow { get; set; } = 10;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Expensive reads (error lists, exports, views, trends, sync health) of one tenant running at once.</summary>
    public int ConcurrentReadsPerTenant { get; set; } = 2;

    /// <summary>Expensive reads of one tenant that wait for a turn; beyond them, 429.</summary>
    public int QueuedReadsPerTenant { get; set; } = 4;

    /// <summary>Failure events one tenant may send over HTTP per second, on average.</summary>
    public int IngestedEventsPerSecond { get; set; } = 1_000;

    /// <summary>Failure events one tenant may send at once after a quiet spell; at least one full request.</summary>
    public int IngestedEventsBurst { get; set; } = 10_000;
}

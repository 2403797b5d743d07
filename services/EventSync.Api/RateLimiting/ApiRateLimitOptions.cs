namespace EventSync.Api.RateLimiting;

/// <summary>Fixed-window limits per tenant on the expensive routes (section <c>EventSync:Api:RateLimits</c>).</summary>
public sealed class ApiRateLimitOptions
{
    public const string Section = "EventSync:Api:RateLimits";

    public int ResyncRequestsPerWindow { get; set; } = 30;

    public int ExportsPerWindow { get; set; } = 10;

    /// <summary>Test digests a tenant may send per window: each one mails every recipient.</summary>
    public int NotificationTestsPerWindow { get; set; } = 3;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

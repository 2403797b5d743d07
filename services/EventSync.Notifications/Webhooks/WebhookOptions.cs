namespace EventSync.Notifications.Webhooks;

/// <summary>Settings of webhook deliveries (section <c>EventSync:Webhooks</c>).</summary>
public sealed class WebhookOptions
{
    public const string Section = "EventSync:Webhooks";

    /// <summary>How many times a failed attempt (5xx, 408, 429, time-out, no connection) is tried again before the delivery is parked.</summary>
    public int RetryLimit { get; set; } = 5;

    /// <summary>The first wait before a retry; it doubles with every retry up to <see cref="RetryMaxInterval"/>.</summary>
    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long one attempt may take, connecting and reading the answer included.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The longest <c>Retry-After</c> of a 429 that is waited for before the attempt fails; a longer one is cut to this.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How much of an answer's body is read (for the detail line of a failed attempt); the rest is not.</summary>
    public int MaxResponseBytes { get; set; } = 4096;

    /// <summary>
    /// Allows private, loopback and other non-public destinations, and plain <c>http</c>: for development and tests only.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }
}

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>Bus settings shared by every service (section <c>EventSync:Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "EventSync:Messaging";

    /// <summary>Messages whose body is larger than this go to the error queue unread.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>How many messages RabbitMQ hands an endpoint before it acknowledges any.</summary>
    public ushort PrefetchCount { get; set; } = 200;

    /// <summary>Tries after the first when processing fails (a store outage, say), with exponential back-off.</summary>
    public int RetryLimit { get; set; } = 6;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);
}

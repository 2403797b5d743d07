namespace EventSync.ServiceDefaults.Messaging.Outbox;

/// <summary>How the outbox dispatcher reads and publishes the messages that wait (section <c>EventSync:Outbox</c>).</summary>
public sealed class OutboxOptions
{
    public const string Section = "EventSync:Outbox";

    /// <summary>How often the store is read when no write of this process signalled (writes of other processes, leases that ran out).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Messages claimed and published together.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>How long a claim holds its messages; a dispatcher that dies holds them this long.</summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after a failed publish or store call, doubled for each failure in a row up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMilliseconds(200);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(15);
}

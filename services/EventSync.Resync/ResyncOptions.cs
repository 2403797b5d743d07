namespace EventSync.Resync;

/// <summary>Settings of the resync worker (section <c>EventSync:Resync</c>).</summary>
public sealed class ResyncOptions
{
    public const string Section = "EventSync:Resync";

    /// <summary>Salesforce API calls one resync of one record is counted as.</summary>
    public long CallsPerResync { get; set; } = 1;

    /// <summary>
    /// Engines that take <c>ResyncRecord</c> through MassTransit, by engine id, each with its endpoint address
    /// (<c>queue:sf-sync-eu-1</c>). Every other engine gets plain JSON on <c>eventsync.resync-requests</c>.
    /// </summary>
    public Dictionary<string, ResyncEngineOptions> Engines { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The engine (routing key) for errors that name none.</summary>
    public string DefaultEngineId { get; set; } = "default";

    /// <summary>The first automatic resync of a transient failure goes out this long after it.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Automatic resyncs of one transient error before it surfaces as an ordinary open error.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>The longest wait between two automatic resyncs.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How often waiting resyncs of every tenant are looked at, in case a wake-up was missed.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// A resync claimed but never confirmed as sent (its worker died in between) is sent again this long after its claim,
    /// with the same message id. Longer than <c>EventSync:Messaging:PublishTimeout</c>, so that a send still waiting for
    /// the broker's confirm is not sent twice.
    /// </summary>
    public TimeSpan ResendUnconfirmedAfter { get; set; } = TimeSpan.FromMinutes(2);
}

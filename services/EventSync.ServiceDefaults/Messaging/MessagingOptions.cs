namespace EventSync.ServiceDefaults.Messaging;

/// <summary>Bus settings shared by every service (section <c>EventSync:Messaging</c>).</summary>
public sealed class MessagingOptions
{
    public const string Section = "EventSync:Messaging";

    public const string ClassicQueueType = "classic";

    public const string QuorumQueueType = "quorum";

    /// <summary>Messages whose body is larger than this go to the error queue unread.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>How many messages RabbitMQ hands an endpoint before it acknowledges any.</summary>
    public ushort PrefetchCount { get; set; } = 200;

    /// <summary>Tries after the first when processing fails (a store outage, say), with exponential back-off.</summary>
    public int RetryLimit { get; set; } = 6;

    public TimeSpan RetryMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a publish or send waits for the broker's confirm before it counts as failed (and is retried). RabbitMQ's
    /// client does not fail a publish whose connection died before the confirm came: without a bound it waits forever,
    /// and so does whatever awaits it (a consumer, which then keeps its endpoint from reconnecting).
    /// </summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a service on RabbitMQ waits at start-up for every receive endpoint to consume before it starts anyway,
    /// unready, with readiness naming what does not consume (the endpoints keep trying by themselves). A broker that
    /// refuses a queue (one of that name with other arguments, a missing permission) or cannot be reached no longer
    /// keeps the service from answering at all.
    /// </summary>
    public TimeSpan StartWait { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// <see cref="ClassicQueueType"/> or <see cref="QuorumQueueType"/> (replicated, for a RabbitMQ cluster). RabbitMQ keeps the
    /// type a queue was declared with: switching a running deployment means deleting its drained EventSync queues first.
    /// </summary>
    public string QueueType { get; set; } = ClassicQueueType;

    /// <summary>
    /// Every node of a RabbitMQ cluster as <c>host:port</c>, used with the credentials and virtual host of
    /// <c>ConnectionStrings:rabbitmq</c>. The services connect to the first node that answers, in this order, and move to
    /// the next when theirs fails. Empty: the connection string's host only.
    /// </summary>
    public IList<string> ClusterNodes { get; } = [];

    /// <summary>True for quorum queues (an unknown <see cref="QueueType"/> is refused at start-up, see <see cref="MessagingOptionsValidation"/>).</summary>
    public bool UsesQuorumQueues() => string.Equals(QueueType, QuorumQueueType, StringComparison.OrdinalIgnoreCase);
}

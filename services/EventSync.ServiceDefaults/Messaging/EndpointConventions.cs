using MassTransit;
using MassTransit.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>The receive-endpoint settings every EventSync consumer definition applies.</summary>
public static class EndpointConventions
{
    /// <summary>
    /// A size limit checked as a message is read, and retry with exponential back-off for failures that may pass
    /// (never for bad input: invalid messages fail as they are read, see <see cref="Core.Validation.WireValidation"/>).
    /// On RabbitMQ, quorum queues when <see cref="MessagingOptions.QueueType"/> says so, and a prefetch of twice what the
    /// endpoint works on at once (<paramref name="inFlight"/>), at most <see cref="MessagingOptions.PrefetchCount"/>.
    /// An endpoint with a retry of its own (<paramref name="retry"/>: intervals and limit) uses it instead of the messaging options'.
    /// </summary>
    /// <remarks>
    /// Prefetch is kept to what an endpoint uses, not for speed: every delivery is acknowledged through its connection's
    /// write queue, which RabbitMQ's .NET client (7.2) bounds at 128 frames and stops draining the moment the socket dies.
    /// An acknowledgement that finds it full waits for good, and the client then never tells the channels after it that
    /// the connection is gone, so their endpoints never reconnect. The fewer deliveries a connection holds, the less can
    /// pile up there.
    /// </remarks>
    public static void UseEventSyncConventions(
        this IReceiveEndpointConfigurator endpoint, IRegistrationContext context, int inFlight, Action<IRetryConfigurator>? retry = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        endpoint.UseMessageRetry(r =>
        {
            if (retry is null)
            {
                r.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
            }
            else
            {
                retry(r);
            }

            r.Ignore<System.Runtime.Serialization.SerializationException>();
        });
        endpoint.ClearSerialization();
        endpoint.AddSerializer(new SystemTextJsonMessageSerializerFactory(), isSerializer: true);
        endpoint.AddDeserializer(new CheckedBodySerializerFactory(new SystemTextJsonMessageSerializerFactory(), options.MaxMessageBytes), isDefault: true);
        endpoint.AddDeserializer(new CheckedBodySerializerFactory(new SystemTextJsonRawMessageSerializerFactory(RawSerializerOptions.AnyMessageType), options.MaxMessageBytes));
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = (ushort)Math.Min(options.PrefetchCount, 2 * Math.Max(1, inFlight));
            if (options.UsesQuorumQueues())
            {
                rabbit.SetQuorumQueue();
            }
        }
    }

    /// <summary>
    /// Also takes plain JSON (no MassTransit envelope) that engines in other languages publish to <paramref name="exchange"/>,
    /// a durable fanout exchange, while MassTransit publishers keep reaching the endpoint through the message type's exchange.
    /// </summary>
    public static void ReceiveFromEngineExchange<TMessage>(this IReceiveEndpointConfigurator endpoint, string exchange, IRegistrationContext context)
        where TMessage : class
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;

        // Plain JSON is the default: a message without a content type is an engine's, not MassTransit's.
        endpoint.AddDeserializer(new CheckedBodySerializerFactory(new SystemTextJsonRawMessageSerializerFactory(RawSerializerOptions.AnyMessageType), options.MaxMessageBytes), isDefault: true);
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.ConfigureConsumeTopology = false;
            rabbit.Bind(exchange, b =>
            {
                b.ExchangeType = "fanout";
                b.Durable = true;
            });
            rabbit.Bind<TMessage>();
        }
    }
}

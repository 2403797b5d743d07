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
    /// On RabbitMQ, quorum queues when <see cref="MessagingOptions.QueueType"/> says so.
    /// </summary>
    public static void UseEventSyncConventions(this IReceiveEndpointConfigurator endpoint, IRegistrationContext context)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(context);
        var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
        endpoint.UseMessageRetry(retry =>
        {
            retry.Exponential(options.RetryLimit, options.RetryMinInterval, options.RetryMaxInterval, options.RetryMinInterval);
            retry.Ignore<System.Runtime.Serialization.SerializationException>();
        });
        endpoint.ClearSerialization();
        endpoint.AddSerializer(new SystemTextJsonMessageSerializerFactory(), isSerializer: true);
        endpoint.AddDeserializer(new CheckedBodySerializerFactory(new SystemTextJsonMessageSerializerFactory(), options.MaxMessageBytes), isDefault: true);
        endpoint.AddDeserializer(new CheckedBodySerializerFactory(new SystemTextJsonRawMessageSerializerFactory(RawSerializerOptions.AnyMessageType), options.MaxMessageBytes));
        if (endpoint is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.PrefetchCount = options.PrefetchCount;
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

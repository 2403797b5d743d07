using System.Text.Json.Serialization.Metadata;
using EventSync.Core.Validation;
using EventSync.ServiceDefaults.Observability;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ when <c>ConnectionStrings:rabbitmq</c> is set, else in memory (one process). Each service
    /// adds its consumers through <paramref name="addConsumers"/>; endpoints get kebab-case names.
    /// </summary>
    public static IServiceCollection AddEventSyncBus(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator> addConsumers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section);
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            o.WaitUntilStarted = true;
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        var rabbitMq = configuration.GetConnectionString("rabbitmq");
        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            addConsumers(bus);
            if (configuration.UsesInMemoryBus())
            {
                bus.UsingInMemory((context, cfg) =>
                {
                    cfg.ValidateWireMessages();
                    cfg.UseConsumeFilter(typeof(MessageLogContextFilter<>), context);
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    // A publish returns once the broker confirmed it: the API's 202 for an ingested event depends on it.
                    cfg.Host(new Uri(rabbitMq!), host => host.PublisherConfirmation = true);
                    cfg.ValidateWireMessages();
                    cfg.UseConsumeFilter(typeof(MessageLogContextFilter<>), context);
                    cfg.ConfigureEndpoints(context);
                    // The bus reports its health through its receive endpoints, and is "ready" without any: a temporary,
                    // empty endpoint per instance makes readiness follow the broker connection in services without consumers.
                    cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("health"), _ => { });
                });
            }
        });
        return services;
    }

    /// <summary>True when the bus runs in this process's memory: what is published lives only as long as the process.</summary>
    public static bool UsesInMemoryBus(this IConfiguration configuration) =>
        string.IsNullOrWhiteSpace(configuration.GetConnectionString("rabbitmq"));

    /// <summary>
    /// Invalid wire messages fail as they are read, so they go to the error queue with the problems named. MassTransit 8
    /// keeps these options for the whole process, not per bus: timestamps are checked against the wall clock, the time
    /// at which a message really arrives, whatever clock a host's services use.
    /// </summary>
    private static void ValidateWireMessages(this IBusFactoryConfigurator cfg) =>
        cfg.ConfigureJsonSerializerOptions(json =>
        {
            json.AllowDuplicateProperties = false;
            json.TypeInfoResolver = (json.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(WireValidation.Modifier(TimeProvider.System));
            return json;
        });
}

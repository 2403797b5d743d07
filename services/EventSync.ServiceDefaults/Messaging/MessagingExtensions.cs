using System.Text.Json.Serialization.Metadata;
using EventSync.Core.Validation;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Messaging.Sockets;
using EventSync.ServiceDefaults.Observability;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging;

public static class MessagingExtensions
{
    /// <summary>
    /// MassTransit on RabbitMQ when <c>ConnectionStrings:rabbitmq</c> is set, else in memory (one process). Each service
    /// adds its consumers through <paramref name="addConsumers"/>; endpoints get kebab-case names. Readiness includes a
    /// check that every receive endpoint has its consumer (<see cref="ReceiveEndpointsHealthCheck"/>).
    /// </summary>
    public static IServiceCollection AddEventSyncBus(this IServiceCollection services, IConfiguration configuration, Action<IBusRegistrationConfigurator> addConsumers)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidation>();
        services.AddSingleton<ReceiveEndpointConsumers>();
        services.AddReceiveEndpointObserver(provider => provider.GetRequiredService<ReceiveEndpointConsumers>());
        services.AddHealthChecks().AddCheck<ReceiveEndpointsHealthCheck>("consumers", tags: [ServiceDefaultsExtensions.ReadyTag]);
        services.AddOptions<MassTransitHostOptions>().Configure(o =>
        {
            // On RabbitMQ, BusStartWait waits instead, for at most StartWait: MassTransit's own wait has no end.
            o.WaitUntilStarted = configuration.UsesInMemoryBus();
            o.StopTimeout = TimeSpan.FromSeconds(30);
        });

        var rabbitMq = configuration.GetConnectionString("rabbitmq");
        if (!configuration.UsesInMemoryBus())
        {
            services.AddBrokerQueueConsumers(rabbitMq!);
        }

        services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            // MassTransit otherwise reports which features a service uses, as "usage telemetry".
            bus.DisableUsageTelemetry();
            addConsumers(bus);
            if (configuration.UsesInMemoryBus())
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEventSyncEndpoints(context));
            }
            else
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    var options = context.GetRequiredService<IOptions<MessagingOptions>>().Value;
                    cfg.Host(new Uri(rabbitMq!), host =>
                    {
                        // A publish returns once the broker confirmed it: the API's 202 for an ingested event depends on it.
                        host.PublisherConfirmation = true;
                        // A connection whose socket died must not leave writers waiting for good (see BrokerSocket).
                        host.OnRefreshConnectionFactory = factory =>
                        {
                            factory.SocketFactory = BrokerSocket.Create;
                            return Task.CompletedTask;
                        };
                        if (options.ClusterNodes.Count > 0)
                        {
                            // The first node that answers, in the order given; the next one when the connection to it fails.
                            host.UseCluster(cluster =>
                            {
                                foreach (var node in options.ClusterNodes)
                                {
                                    cluster.Node(node.Trim());
                                }
                            });
                        }
                    });
                    cfg.ConfigureEventSyncEndpoints(context);
                    // The bus reports its health through its receive endpoints, and is "ready" without any: a temporary,
                    // empty endpoint per instance makes readiness follow the broker connection in services without consumers.
                    cfg.ReceiveEndpoint(new TemporaryEndpointDefinition("health"), _ => { });
                });
            }
        });
        if (!configuration.UsesInMemoryBus())
        {
            // After MassTransit's hosted service: what starts later (the web server included) finds the bus running.
            services.AddHostedService<BusStartWait>();
        }

        return services;
    }

    /// <summary>
    /// What every EventSync bus has on any transport (the in-memory bus of a test harness too): readiness observation,
    /// validation of wire messages, the log context of each message, and an endpoint per registered consumer.
    /// </summary>
    public static void ConfigureEventSyncEndpoints<TEndpoint>(this IBusFactoryConfigurator<TEndpoint> cfg, IBusRegistrationContext context)
        where TEndpoint : IReceiveEndpointConfigurator
    {
        ArgumentNullException.ThrowIfNull(cfg);
        cfg.ObserveConsumers(context);
        cfg.ValidateWireMessages();
        cfg.UseConsumeFilter(typeof(MessageLogContextFilter<>), context);
        cfg.ConfigureEndpoints(context);
    }

    /// <summary>The broker's own view of the consumers, for readiness: the connection string's host, or every cluster node.</summary>
    private static void AddBrokerQueueConsumers(this IServiceCollection services, string rabbitMq) =>
        services.AddSingleton(provider => new BrokerQueueConsumers(
            new Uri(rabbitMq),
            [.. provider.GetRequiredService<IOptions<MessagingOptions>>().Value.ClusterNodes.Select(node => HostAndPort.TryParse(node, out var address) ? address : throw new InvalidOperationException($"Not host:port: {node}"))]));

    /// <summary>Every endpoint configured and its consumer's state, for readiness (<see cref="ReceiveEndpointConsumers"/>).</summary>
    private static void ObserveConsumers(this IBusFactoryConfigurator cfg, IBusRegistrationContext context)
    {
        var consumers = context.GetRequiredService<ReceiveEndpointConsumers>();
        cfg.ConnectEndpointConfigurationObserver(consumers);
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

using EventSync.ServiceDefaults.Observability;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Serilog;
using Serilog.Extensions.Hosting;
using Serilog.Formatting.Compact;

namespace EventSync.ServiceDefaults.Hosting;

public static class ServiceDefaultsExtensions
{
    public const string LiveTag = "live";

    /// <summary>The tag of the readiness checks: the bus (MassTransit tags its own check so) and the store.</summary>
    public const string ReadyTag = "ready";

    /// <summary>Serilog (levels from the <c>Serilog</c> section, see <see cref="LogFormat"/>), telemetry and the liveness check.</summary>
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var jsonLogs = LogFormat.IsJson(builder.Configuration);
        // Under ServiceHost.RunAsync the bootstrap logger becomes this configuration (two stages, one static logger). A host
        // built without it (tests build several per process) keeps a logger of its own rather than sharing the static one.
        builder.Services.AddSerilog(
            (services, logger) => Configure(logger, builder.Configuration, services, jsonLogs),
            preserveStaticLogger: Log.Logger is not ReloadableLogger);
        builder.AddEventSyncTelemetry();
        builder.Services.AddHealthChecks().AddCheck("self", () => HealthCheckResult.Healthy(), tags: [LiveTag]);
        return builder;
    }

    /// <summary>
    /// <c>/health/live</c> (the process answers), <c>/health/ready</c> (bus connected and store reachable; JSON with each
    /// check, 503 unless all are healthy) and <c>/metrics</c> (Prometheus). None needs a key: they are operations endpoints.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(LiveTag) });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
            // A degraded bus has endpoints that do not consume: not ready for traffic.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        app.MapEventSyncMetrics();
        return app;
    }

    private static void Configure(LoggerConfiguration logger, IConfiguration configuration, IServiceProvider services, bool json)
    {
        logger.ReadFrom.Configuration(configuration).ReadFrom.Services(services).Enrich.FromLogContext();
        if (json)
        {
            logger.WriteTo.Console(new CompactJsonFormatter());
        }
        else
        {
            logger.WriteTo.Console(LogFormat.TextFormatter());
        }
    }
}

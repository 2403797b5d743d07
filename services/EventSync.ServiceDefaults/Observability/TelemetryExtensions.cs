using MassTransit.Logging;
using MassTransit.Monitoring;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MongoDB.Driver;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EventSync.ServiceDefaults.Observability;

public static class TelemetryExtensions
{
    /// <summary>Every product meter is named <c>EventSync.&lt;Service&gt;</c>; one wildcard exports them all.</summary>
    public const string ProductMeters = "EventSync.*";

    public const string MetricsPath = "/metrics";

    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// Distinct tag sets kept per metric. The SDK's default of 2,000 reserves its points up front for every one of the
    /// 70-odd instruments a service has (about 10 MiB of a worker's large-object heap); EventSync's tags are categories,
    /// error types, endpoints and routes, never tenants or records, so a few hundred is plenty. Beyond it the SDK counts
    /// the measurement under <c>otel.metric.overflow</c> rather than dropping it.
    /// </summary>
    public const int MaxTagSetsPerMetric = 500;

    /// <summary>
    /// OpenTelemetry metrics and traces: ASP.NET Core, HttpClient, the runtime, MassTransit, the MongoDB driver and the
    /// product's own meters; Prometheus scraping on <see cref="MetricsPath"/>. Traces are recorded, and metrics and traces
    /// exported over OTLP, only when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddEventSyncTelemetry(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(builder.Environment.ApplicationName))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(InstrumentationOptions.MeterName)
                .AddMeter(ProductMeters)
                .AddView(_ => new MetricStreamConfiguration { CardinalityLimit = MaxTagSetsPerMetric })
                .AddPrometheusExporter());
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            // Spans are recorded only when they have somewhere to go: every consumed and published message would
            // otherwise cost an activity that nobody reads.
            telemetry.WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsOperationsRequest(context.Request.Path))
                .AddHttpClientInstrumentation()
                .AddSource(DiagnosticHeaders.DefaultListenerName)
                .AddSource(MongoTelemetry.ActivitySourceName));

            // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>The Prometheus scraping endpoint: an operations endpoint without a key, reached on the internal network only.</summary>
    public static WebApplication MapEventSyncMetrics(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        return app;
    }

    // Scrapes and probes every few seconds would drown the traces that matter.
    private static bool IsOperationsRequest(PathString path) =>
        path.StartsWithSegments(MetricsPath, StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase);
}

using EventSync.Api.Allocation;
using EventSync.Api.Assignment;
using EventSync.Api.Audit;
using EventSync.Api.Endpoints;
using EventSync.Api.Ingestion;
using EventSync.Api.Monitoring;
using EventSync.Api.OpenApi;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Resync;
using EventSync.Api.Security;
using EventSync.Api.Webhooks;
using EventSync.Core.Classification;
using EventSync.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Extensions;

public static class ApiExtensions
{
    /// <summary>The API service as it runs: the store, the API's services and a bus it publishes on (no consumers).</summary>
    public static IHostApplicationBuilder AddSyncHealthApiService(this IHostApplicationBuilder builder) =>
        builder.AddEventSyncService(b => b.Services.AddSyncHealthApi(), _ => { });

    /// <summary>The API's services: key checks, body limits, problem details in the request's language, security headers, JSON settings of the wire.</summary>
    public static IServiceCollection AddSyncHealthApi(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidation>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiOptions>, ApiOptionsValidation>();
        services.AddOptions<WebhookApiOptions>().BindConfiguration(WebhookApiOptions.Section).ValidateOnStart();
        services.AddOptions<KestrelServerOptions>().Configure<IOptions<ApiOptions>>((kestrel, api) =>
        {
            kestrel.Limits.MaxRequestBodySize = api.Value.MaxRequestBodyBytes;
            kestrel.AddServerHeader = false;
        });
        services.AddSingleton<ApiKeyAuthorizer>();
        services.TryAddSingleton<ApiMetrics>();
        services.TryAddScoped<IFailureIntake, BusFailureIntake>();
        services.AddScoped<ResyncSubmitter>();
        services.AddScoped<ErrorSelection>();
        services.AddScoped<ErrorAssigner>();
        services.AddScoped<ApiAllocationAnnouncer>();
        services.AddScoped<AuditRecorder>();
        services.AddScoped<WebhookTestSender>();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISyncFailureClassifier>(SyncFailureClassifier.Default);
        services.AddApiRateLimiting();
        services.AddProblemDetails(o => o.CustomizeProblemDetails = BadRequestBodies.Describe);
        services.Configure<ExceptionHandlerOptions>(o =>
        {
            o.StatusCodeSelector = BadRequestBodies.StatusCodeOf;
            o.SuppressDiagnosticsCallback = BadRequestBodies.IsClientFault;
        });
        services.AddApiSecurityHeaders();
        services.AddApiLanguages();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiDocumentTransformer>().AddOperationTransformer<ApiOperationTransformer>());
        services.Configure<JsonOptions>(o => o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        return services;
    }

    /// <summary>The dashboard's files (no key: the page asks for one), then every route of the API; tenant routes need a key for that tenant.</summary>
    public static WebApplication MapSyncHealthApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseSecurityHeaders();
        app.UseDashboardFiles();
        app.UseApiLanguages();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapFailureIngestion();
        app.MapCatalog();
        app.MapOpenApi();
        app.MapApiReference();
        app.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<TenantKeyFilter>()
            .MapPrincipal()
            .MapSyncHealth()
            .MapApiAllocation()
            .MapErrorCardRecount()
            .MapErrors()
            .MapErrorIgnore()
            .MapErrorAssignment()
            .MapErrorExport()
            .MapErrorTrend()
            .MapAffectedRecordsViews()
            .MapResync()
            .MapResyncAll()
            .MapResyncRequests()
            .MapResyncProgress()
            .MapRecordLinkSettings()
            .MapNotificationSettings()
            .MapNotificationTest()
            .MapWebhookSettings()
            .MapWebhookDeliveries()
            .MapAuditTrail();
        return app;
    }

    // Read from the output folder, where the build copies Dashboard/** (also into the standalone host's output); no folder, no page.
    private static void UseDashboardFiles(this WebApplication app)
    {
        var root = Path.Combine(AppContext.BaseDirectory, "Dashboard");
        if (!Directory.Exists(root))
        {
            return;
        }

        var files = new PhysicalFileProvider(root);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        // A temporary view's own page (the page asks for the key, then reads the view through the API).
        var viewPage = Path.Combine(root, "view.html");
        app.MapGet(AffectedRecordsViewEndpoints.PagePattern, () => TypedResults.PhysicalFile(viewPage, "text/html; charset=utf-8")).ExcludeFromDescription();
    }
}

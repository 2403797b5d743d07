using EventSync.Api.Endpoints;
using EventSync.Api.Security;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace EventSync.Api.Extensions;

public static class ApiExtensions
{
    /// <summary>The API's services: key checks, problem details, JSON settings of the wire.</summary>
    public static IServiceCollection AddSyncHealthApi(this IServiceCollection services)
    {
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.Section);
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddSingleton<ApiKeyAuthorizer>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddApiRateLimiting();
        services.AddProblemDetails();
        services.Configure<JsonOptions>(o => o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.Never);
        return services;
    }

    /// <summary>Every route of the API; tenant routes need a key for that tenant.</summary>
    public static WebApplication MapSyncHealthApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.MapFailureIngestion();
        app.MapCatalog();
        app.MapGroup("/api/tenants/{tenantId}")
            .AddEndpointFilter<TenantKeyFilter>()
            .MapSyncHealth()
            .MapErrors()
            .MapErrorExport()
            .MapResync();
        return app;
    }
}

using EventSync.Core.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>A host of its own whose error pages go through <see cref="GatedErrorQueries"/>, so a test can hold one tenant's reads.</summary>
public sealed class GatedQueriesApiHost : ApiHost
{
    public GatedErrorQueries Queries => Services.GetRequiredService<GatedErrorQueries>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        var real = services.Last(d => d.ServiceType == typeof(ISyncErrorQueries));
        services.AddSingleton(sp => new GatedErrorQueries((ISyncErrorQueries)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!)));
        services.AddSingleton<ISyncErrorQueries>(sp => sp.GetRequiredService<GatedErrorQueries>());
    }
}

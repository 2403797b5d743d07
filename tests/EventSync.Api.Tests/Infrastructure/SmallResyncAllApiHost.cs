using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>A host of its own that resyncs at most <see cref="MaxResyncAllErrors"/> matching errors at once.</summary>
public sealed class SmallResyncAllApiHost : ApiHost
{
    public const int MaxResyncAllErrors = 5;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<ApiOptions>(o => o.MaxResyncAllErrors = MaxResyncAllErrors);
}

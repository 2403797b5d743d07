using EventSync.Api.RateLimiting;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>A host of its own whose tenants may send one full request of events, then one event a second.</summary>
public sealed class LowIngestionLimitApiHost : ApiHost
{
    public int Burst => new ApiOptions().MaxEventsPerRequest;

    protected override void ConfigureServices(IServiceCollection services) =>
        services.Configure<ApiRateLimitOptions>(o =>
        {
            o.IngestedEventsBurst = Burst;
            o.IngestedEventsPerSecond = 1;
        });
}

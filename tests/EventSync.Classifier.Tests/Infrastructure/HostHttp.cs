using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>An HTTP client for a running host's own address (its operations endpoints: health, metrics).</summary>
public static class HostHttp
{
    public static HttpClient For(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var address = services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(10) };
    }
}

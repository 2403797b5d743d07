using EventSync.Api.Extensions;
using EventSync.Api.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Tests;

/// <summary><c>EventSync:Webhooks</c> is read when the API starts: off by default, a value that is no boolean stops the start.</summary>
public sealed class WebhookApiOptionsTests
{
    [Fact]
    public void Should_refuse_private_addresses_unless_the_setting_says_otherwise()
    {
        using var defaults = Services([]);
        using var allowed = Services(new() { ["EventSync:Webhooks:AllowPrivateAddresses"] = "true" });

        Assert.False(defaults.GetRequiredService<IOptions<WebhookApiOptions>>().Value.AllowPrivateAddresses);
        Assert.True(allowed.GetRequiredService<IOptions<WebhookApiOptions>>().Value.AllowPrivateAddresses);
    }

    [Fact]
    public void Should_stop_the_start_naming_the_setting_when_it_is_not_a_boolean()
    {
        using var services = Services(new() { ["EventSync:Webhooks:AllowPrivateAddresses"] = "maybe" });

        var failure = Assert.ThrowsAny<Exception>(() => services.GetRequiredService<IStartupValidator>().Validate());
        Assert.Contains("AllowPrivateAddresses", failure.ToString(), StringComparison.Ordinal);
    }

    private static ServiceProvider Services(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSyncHealthApi();
        return services.BuildServiceProvider();
    }
}

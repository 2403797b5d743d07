using System.Net;
using System.Text.Json;

namespace EventSync.Standalone.Tests;

public sealed class HealthEndpointTests(StandaloneInMemory host)
{
    [Fact]
    public async Task Should_answer_healthy_without_a_key_when_the_liveness_probe_asks()
    {
        using var response = await host.Standalone.Http.GetAsync(new Uri("/health/live", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Should_answer_healthy_with_each_check_as_json_without_a_key_when_the_readiness_probe_asks()
    {
        using var response = await host.Standalone.Http.GetAsync(new Uri("/health/ready", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var ready = JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("Healthy", ready.RootElement.GetProperty("status").GetString());
        var checks = ready.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("name").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal(["consumers", "masstransit-bus", "store"], checks.Keys.Order(StringComparer.Ordinal));
        Assert.All(checks.Values, status => Assert.Equal("Healthy", status));
        var consumers = ready.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "consumers");
        Assert.Matches("^[0-9]+ receive endpoints consuming\\.$", consumers.GetProperty("description").GetString());
    }
}

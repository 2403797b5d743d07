using System.Net;

namespace EventSync.Standalone.Tests;

public sealed class HealthEndpointTests(StandaloneInMemory host)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Should_answer_healthy_without_a_key_when_a_probe_asks(string path)
    {
        using var response = await host.Standalone.Http.GetAsync(new Uri(path, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}

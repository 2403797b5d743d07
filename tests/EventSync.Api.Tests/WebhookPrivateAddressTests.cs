using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>With <c>EventSync:Webhooks:AllowPrivateAddresses=true</c>, plain http and addresses on this machine are accepted.</summary>
public sealed class WebhookPrivateAddressTests(PrivateWebhooksApiHost host) : IClassFixture<PrivateWebhooksApiHost>
{
    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("https://192.168.1.20/hook")]
    public async Task Should_accept_a_private_address_when_private_addresses_are_allowed(string url)
    {
        var saved = await host.SaveAsync(SyncFailures.NewTenant("hooks-private"), host.AdminKey, WebhookBodies.Endpoint("local", url));

        Assert.Equal(url, Assert.Single(saved).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Should_still_refuse_a_scheme_other_than_http_or_https()
    {
        using var response = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(SyncFailures.NewTenant("hooks-private-ftp"), "webhooks"), host.AdminKey, WebhookBodies.Body(WebhookBodies.Endpoint("local", "ftp://127.0.0.1/x")));

        Assert.NotEmpty(await Problems.FieldAsync(response, "endpoints[0].url"));
    }
}

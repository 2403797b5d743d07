using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using EventSync.Testing.Standalone;

namespace EventSync.Standalone.Tests;

/// <summary>Nothing tenant-scoped without a key for that tenant: 401 without a valid key, 404 for another tenant's key.</summary>
public sealed class TenantKeyTests(StandaloneInMemory host)
{
    private RunningStandalone Standalone => host.Standalone;

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key-anyone-was-given")]
    public async Task Should_answer_401_problem_when_no_valid_key_is_sent(string? key)
    {
        using var response = await Standalone.GetSyncHealthAsync(StandaloneInMemory.Acme, key);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(401, problem.GetProperty("status").GetInt32());
        Assert.Contains("X-Api-Key", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_404_when_another_tenants_key_is_sent()
    {
        using var response = await Standalone.GetSyncHealthAsync(StandaloneInMemory.Acme, Standalone.TenantKeys[StandaloneInMemory.Globex]);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData(StandaloneInMemory.Acme)]
    [InlineData(StandaloneInMemory.Globex)]
    public async Task Should_show_the_sync_health_when_the_tenants_own_key_is_sent(string tenant)
    {
        using var response = await Standalone.GetSyncHealthAsync(tenant, Standalone.TenantKeys[tenant]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<SyncHealth>(TestContext.Current.CancellationToken);
        Assert.Equal(tenant, health!.TenantId);
    }

    [Theory]
    [InlineData(StandaloneInMemory.Acme)]
    [InlineData(StandaloneInMemory.Globex)]
    [InlineData("portal-without-a-key-of-its-own")]
    public async Task Should_show_any_tenants_sync_health_when_the_admin_key_is_sent(string tenant)
    {
        using var response = await Standalone.GetSyncHealthAsync(tenant, Standalone.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);
        Assert.Equal(tenant, health.GetProperty("tenantId").GetString());
        Assert.Equal(JsonValueKind.Null, health.GetProperty("apiUsage").ValueKind);
        Assert.Equal(JsonValueKind.Array, health.GetProperty("errorCards").ValueKind);
    }
}

using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>The <c>{tenantId}</c> of a tenant route must look like a tenant id, as on the wire; else 400 naming it.</summary>
public sealed class TenantRouteTests(ApiHost host)
{
    public static TheoryData<string> NotTenantIds { get; } = ["acme-eu ", " acme-eu", "acme eu", "-acme", "acme/eu", new string('t', 5_000), new string('t', 65)];

    [Theory]
    [MemberData(nameof(NotTenantIds))]
    public async Task Should_answer_400_naming_tenantId_when_the_route_holds_no_tenant_id(string tenantId)
    {
        using var response = await host.GetAsync(TenantErrors.Path(tenantId, "sync-health"), host.AdminKey);

        var message = Assert.Single(await Problems.FieldAsync(response, "tenantId"));
        Assert.Contains("is not a tenant id", message, StringComparison.Ordinal);
        Assert.True(message.Length < 400, message);
    }

    [Fact]
    public async Task Should_answer_the_tenant_when_its_id_is_64_characters_of_every_allowed_kind()
    {
        var tenantId = "A1._:-" + new string('z', 58);

        using var response = await host.GetAsync(TenantErrors.Path(tenantId, "sync-health"), host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}

using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>The allocation is stored before the engines are told: a broker failure then fails the answer instead of a silent 200.</summary>
public sealed class ApiAllocationBrokerFailureTests(BrokerDownApiHost host) : IClassFixture<BrokerDownApiHost>
{
    [Fact]
    public async Task Should_answer_500_and_keep_the_stored_allocation_when_the_engines_cannot_be_told()
    {
        var tenant = SyncFailures.NewTenant("allocation-broker-down");

        using var put = await host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(tenant, "api-allocation"), host.AdminKey, """{"allocatedToHubSpot":700}""");
        using var read = await host.GetAsync(TenantErrors.Path(tenant, "api-allocation"), host.AdminKey);

        await Problems.ReadAsync(put, HttpStatusCode.InternalServerError);
        Assert.Equal(700, (await Problems.JsonAsync(read)).GetProperty("allocatedToHubSpot").GetInt64());
    }
}

using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>A 202 from the webhook test route means the broker took the command: when it cannot, the answer is a problem, never a 202.</summary>
public sealed class WebhookTestBrokerFailureTests(BrokerDownApiHost host) : IClassFixture<BrokerDownApiHost>
{
    [Fact]
    public async Task Should_answer_500_and_no_delivery_id_when_the_broker_does_not_take_the_test_delivery()
    {
        var tenant = SyncFailures.NewTenant("hooks-broker-down");
        await host.SaveAsync(tenant, host.AdminKey, WebhookBodies.Endpoint("ops"));

        using var response = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, "webhooks/ops/test"), host.AdminKey);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.InternalServerError);
        Assert.False(problem.TryGetProperty("deliveryId", out _));
    }
}

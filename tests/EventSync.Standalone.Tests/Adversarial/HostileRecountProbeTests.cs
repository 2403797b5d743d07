using System.Net;
using System.Text;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a careless or hostile client does with the routes that take no body (<c>cards/recount</c>,
/// <c>notifications/test</c>) on the real process: no key, another tenant's key, control characters in the tenant id,
/// junk in the query, and bodies nobody asked for, plain or chunked.
/// </summary>
public sealed class HostileRecountProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    private const string Recount = "cards/recount";

    [Fact]
    public async Task Should_answer_401_problem_when_no_key_is_sent()
    {
        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(ProbedStandalone.Acme, Recount), key: null);

        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Should_answer_404_without_cards_when_another_tenants_key_recounts_a_tenant()
    {
        await SeedAcmeAsync();

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(ProbedStandalone.Acme, Recount), host.TenantKeys[ProbedStandalone.Globex]);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("errorType", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acme-probe%0D%0AX-Injected:%201")]
    [InlineData("acme-probe%09")]
    [InlineData("%1Bacme-probe")]
    public async Task Should_answer_400_naming_the_tenant_id_when_it_holds_control_characters(string tenantId)
    {
        using var response = await host.SendAsync(HttpMethod.Post, $"/api/tenants/{tenantId}/{Recount}", host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, "tenantId"));
        Assert.False(response.Headers.Contains("X-Injected"));
    }

    [Fact]
    public async Task Should_answer_the_cards_in_english_when_the_language_is_junk()
    {
        await SeedAcmeAsync();

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"{Recount}?lang=%00%01..%2F"), host.AdminKey);

        var cards = (await Problems.JsonAsync(response)).EnumerateArray().ToList();
        Assert.Contains(cards, c => c.GetProperty("errorType").GetString() == SyncFailures.InvalidEmailType && c.GetProperty("title").GetString() == "Invalid email address");
    }

    [Theory]
    [InlineData(Recount)]
    [InlineData("notifications/test")]
    public async Task Should_answer_413_problem_when_a_route_that_takes_no_body_is_sent_one(string route)
    {
        using var content = new ByteArrayContent(Encoding.ASCII.GetBytes(new string('a', 64 * 1024)));

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(SyncFailures.NewTenant("no-body"), route), host.AdminKey, content);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("At most 0 bytes", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Recount)]
    [InlineData("notifications/test")]
    public async Task Should_answer_413_problem_when_a_route_that_takes_no_body_is_sent_a_chunked_one(string route)
    {
        using var response = await host.SendChunkedAsync(HttpMethod.Post, ProbedStandalone.TenantPath(SyncFailures.NewTenant("no-body-chunked"), route), ChunkedRequest.Repeating("[", "{}", 9L * 1024 * 1024, "]"));

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    private async Task SeedAcmeAsync() =>
        await host.SeedAsync(ProbedStandalone.Acme, [SyncFailures.ToSalesforce(ProbedStandalone.Acme, "acme-recount-1", SyncFailures.InvalidEmail)], expectedErrors: 1);
}

using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>The Other card split by fingerprint: groups on <c>GET .../sync-health</c>, and <c>fingerprint=</c> on the list and the export.</summary>
public sealed class UnknownErrorGroupTests(ApiHost host)
{
    private static readonly ReportedError OddOn801 = new() { StatusCode = "WEIRD_THING", Message = "Odd failure on record 801" };
    private static readonly ReportedError OddOn802 = new() { StatusCode = "WEIRD_THING", Message = "Odd failure on record 802" };
    private static readonly ReportedError QueueLost = new() { Message = "The engine lost its queue" };

    [Fact]
    public async Task Should_list_the_distinct_unknown_problems_largest_first_with_a_sample_on_the_sync_health_page()
    {
        var tenant = SyncFailures.NewTenant("unknown-groups");
        var errors = await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "801", OddOn801, occurredAt: DateTimeOffset.UtcNow.AddMinutes(-3)),
            SyncFailures.ToSalesforce(tenant, "802", OddOn802, occurredAt: DateTimeOffset.UtcNow.AddMinutes(-2)),
            SyncFailures.ToSalesforce(tenant, "803", QueueLost, occurredAt: DateTimeOffset.UtcNow.AddMinutes(-1)),
        ]);

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        var groups = (await Problems.JsonAsync(response)).GetProperty("unknownGroups").EnumerateArray().ToList();
        Assert.Equal(2, groups.Count);
        Assert.Equal(errors[0].Fingerprint, groups[0].GetProperty("fingerprint").GetString());
        Assert.Equal((2, 2), (groups[0].GetProperty("currentErrors").GetInt64(), groups[0].GetProperty("affectedRecords").GetInt64()));
        Assert.Equal(("WEIRD_THING", OddOn802.Message), (groups[0].GetProperty("statusCode").GetString(), groups[0].GetProperty("sampleMessage").GetString()));
        Assert.Equal(QueueLost.Message, groups[1].GetProperty("sampleMessage").GetString());
    }

    [Fact]
    public async Task Should_list_and_export_only_one_groups_errors_when_its_fingerprint_is_given()
    {
        var tenant = SyncFailures.NewTenant("unknown-filter");
        var errors = await host.SeedAsync(
        [
            SyncFailures.ToSalesforce(tenant, "811", OddOn801),
            SyncFailures.ToSalesforce(tenant, "812", OddOn802),
            SyncFailures.ToSalesforce(tenant, "813", QueueLost),
        ]);

        var listed = await host.HubSpotIdsAsync(tenant, $"?fingerprint={errors[0].Fingerprint}");
        using var export = await host.GetAsync(TenantErrors.Path(tenant, $"errors/export.csv?fingerprint={errors[2].Fingerprint}"), host.AdminKey);

        Assert.Equal(["811", "812"], listed);
        var csv = (await export.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, csv.Length);
        Assert.Contains($",{errors[2].Fingerprint},", csv[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_400_naming_the_field_when_the_fingerprint_is_not_one()
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "errors?fingerprint=not-a-fingerprint"), host.AdminKey);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("fingerprint", out _));
    }

    [Fact]
    public async Task Should_show_no_groups_when_the_tenant_has_no_unknown_errors()
    {
        var tenant = SyncFailures.NewTenant("unknown-none");
        await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "821", SyncFailures.InvalidEmail)]);

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);

        Assert.Empty((await Problems.JsonAsync(response)).GetProperty("unknownGroups").EnumerateArray());
    }
}

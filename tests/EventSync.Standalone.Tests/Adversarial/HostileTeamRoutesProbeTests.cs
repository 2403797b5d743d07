using System.Net;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a careless or hostile client does with the team's routes on the real process: ignore and restore, assignment,
/// notes and the audit trail: another tenant's errors named under a key's own tenant, a header injected through an
/// assignee, control characters and text too long for a note. Keys and body limits of these routes:
/// <see cref="HostileTenantBoundaryProbeTests"/>.
/// </summary>
public sealed class HostileTeamRoutesProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    [Fact]
    public async Task Should_change_nothing_of_another_tenant_when_a_key_names_its_errors_under_its_own_tenant()
    {
        var acme = (await host.SeedAsync(ProbedStandalone.Acme, [SyncFailures.ToSalesforce(ProbedStandalone.Acme, "team-acme-1", SyncFailures.InvalidEmail)], expectedErrors: 1))
            .First(e => e.GetProperty("hubSpotId").GetString() == "team-acme-1").GetProperty("id").GetString()!;
        var globexKey = host.TenantKeys[ProbedStandalone.Globex];
        var globex = ProbedStandalone.Globex;

        using var ignore = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(globex, "errors/ignore"), globexKey, $$"""{"errorIds":["{{acme}}"]}""");
        using var assign = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(globex, $"errors/{acme}/assignee"), globexKey, """{"assignee":"mallory"}""");
        using var note = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(globex, $"errors/{acme}/notes"), globexKey, """{"text":"pwned"}""");

        Assert.NotEmpty(await Problems.FieldAsync(ignore, "errorIds"));
        await Problems.ReadAsync(assign, HttpStatusCode.NotFound);
        await Problems.ReadAsync(note, HttpStatusCode.NotFound);
        using var detail = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"errors/{acme}"), host.AdminKey);
        var error = await Problems.JsonAsync(detail);
        Assert.Equal(("open", 0), (error.GetProperty("state").GetString(), error.GetProperty("notes").GetArrayLength()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, error.GetProperty("assignee").ValueKind);
    }

    [Theory]
    [InlineData("""{"assignee":"anna@example.com\r\nBcc: mallory@example.com"}""", "assignee")]
    [InlineData("""{"assignee":"anna\u0000"}""", "assignee")]
    [InlineData("""{"assignee":["anna"]}""", "assignee")]
    public async Task Should_refuse_an_assignee_that_would_carry_a_header_or_control_characters(string body, string field)
    {
        var tenant = SyncFailures.NewTenant("team-assignee");
        var id = (await host.SeedAsync(tenant, [SyncFailures.ToSalesforce(tenant, "asg-1", SyncFailures.InvalidEmail)], expectedErrors: 1))[0].GetProperty("id").GetString()!;

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, $"errors/{id}/assignee"), host.AdminKey, body);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        Assert.All(await host.ErrorsAsync(tenant), e => Assert.Equal(System.Text.Json.JsonValueKind.Null, e.GetProperty("assignee").ValueKind));
    }

    [Fact]
    public async Task Should_refuse_a_note_longer_than_2000_characters_and_keep_a_note_of_markup_as_text()
    {
        var tenant = SyncFailures.NewTenant("team-note");
        var id = (await host.SeedAsync(tenant, [SyncFailures.ToSalesforce(tenant, "note-1", SyncFailures.InvalidEmail)], expectedErrors: 1))[0].GetProperty("id").GetString()!;

        using var tooLong = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, $"errors/{id}/notes"), host.AdminKey, $$"""{"text":"{{new string('n', 2001)}}"}""");
        using var markup = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, $"errors/{id}/notes"), host.AdminKey, """{"text":"<img src=x onerror=alert(1)>"}""");

        Assert.NotEmpty(await Problems.FieldAsync(tooLong, "text"));
        Assert.Equal("<img src=x onerror=alert(1)>", (await Problems.JsonAsync(markup, HttpStatusCode.Created)).GetProperty("text").GetString());
    }
}

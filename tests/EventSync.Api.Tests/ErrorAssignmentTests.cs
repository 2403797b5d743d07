using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// Assignment and notes: <c>PUT .../errors/assignee</c> and <c>.../errors/{id}/assignee</c> set who looks at errors
/// (published for the assignee's email), the list filters by assignee, cards count the assigned ones, and
/// <c>POST .../errors/{id}/notes</c> adds notes with their author shown in the error's detail.
/// </summary>
public sealed class ErrorAssignmentTests(ApiHost host)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_assign_errors_publish_the_assignment_filter_the_list_and_count_them_on_the_card()
    {
        var tenant = SyncFailures.NewTenant("assign");
        var errors = await host.SeedAsync(Enumerable.Range(0, 3).Select(i => SyncFailures.ToSalesforce(tenant, $"asg-{i}", SyncFailures.InvalidEmail)));

        using var response = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(tenant, "errors/assignee"), host.AdminKey, new { errorIds = new[] { errors[0].Id, errors[1].Id }, assignee = " anna@example.com " });

        Assert.Equal(2, (await Problems.JsonAsync(response)).GetProperty("changed").GetArrayLength());
        var published = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Assignments.Published.Where(a => a.TenantId == tenant).ToList()), a => a.Count == 1, TimeSpan.FromSeconds(30), "the assignment published");
        Assert.Equal(("anna@example.com", "admin"), (published[0].Assignee, published[0].AssignedBy));
        Assert.Equal(new[] { errors[0].Id, errors[1].Id }.Order(StringComparer.Ordinal), published[0].ErrorIds.Order(StringComparer.Ordinal));
        Assert.Equal(2, (await host.HubSpotIdsAsync(tenant, "?assignee=anna%40example.com")).Count);
        Assert.Equal(["asg-2"], await host.HubSpotIdsAsync(tenant, "?assignee=none"));
        var (items, _) = await host.PageAsync(tenant, "?assignee=anna%40example.com");
        Assert.All(items, i => Assert.Equal("anna@example.com", i.GetProperty("assignee").GetString()));
        using var health = await host.GetAsync(TenantErrors.Path(tenant, "sync-health"), host.AdminKey);
        var card = Assert.Single((await Problems.JsonAsync(health)).GetProperty("errorCards").EnumerateArray());
        Assert.Equal((3, 2), (card.GetProperty("currentErrors").GetInt32(), card.GetProperty("assignedErrors").GetInt32()));
    }

    [Fact]
    public async Task Should_publish_the_assignment_in_parts_of_1000_when_a_filter_assigns_more()
    {
        var tenant = SyncFailures.NewTenant("assign-many");
        var errors = await host.SeedAsync(Enumerable.Range(0, 1001).Select(i => SyncFailures.ToSalesforce(tenant, $"many-{i}", SyncFailures.InvalidEmail)));

        using var response = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "errors/assignee"), host.AdminKey, new { filter = new { }, assignee = "anna@example.com" });

        Assert.Equal(1001, (await Problems.JsonAsync(response)).GetProperty("changed").GetArrayLength());
        var published = await Eventually.MatchesAsync(
            () => Task.FromResult(host.Assignments.Published.Where(a => a.TenantId == tenant).ToList()), a => a.Count == 2, TimeSpan.FromSeconds(30), "the assignment published in two parts");
        Assert.Equal([1, 1000], published.Select(a => a.ErrorIds.Count).Order());
        Assert.Equal(errors.Select(e => e.Id).Order(StringComparer.Ordinal), published.SelectMany(a => a.ErrorIds).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_unassign_one_error_with_null_and_publish_nothing_for_it()
    {
        var tenant = SyncFailures.NewTenant("unassign");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "un-1", SyncFailures.InvalidEmail)]))[0];
        await Store.AssignAsync(tenant, [error.Id], "Anna", Ct);

        using var response = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, $"errors/{error.Id}/assignee"), host.AdminKey, new { assignee = (string?)null });

        Assert.Equal([error.Id], (await Problems.JsonAsync(response)).GetProperty("changed").EnumerateArray().Select(e => e.GetString()));
        Assert.Null((await Store.GetAsync(tenant, error.Id, Ct))!.Assignee);
        Assert.DoesNotContain(host.Assignments.Published, a => a.TenantId == tenant);
    }

    [Fact]
    public async Task Should_show_every_note_with_its_author_and_time_in_the_errors_detail()
    {
        var tenant = SyncFailures.NewTenant("notes");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "note-1", SyncFailures.InvalidEmail)]))[0];

        using (var first = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, $"errors/{error.Id}/notes"), host.AdminKey, new { text = "Asked sales to fix the address." }))
        {
            Assert.Equal(HttpStatusCode.Created, first.StatusCode);
            Assert.Equal(TenantErrors.Path(tenant, $"errors/{error.Id}"), first.Headers.Location?.OriginalString);
        }

        using (var second = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, $"errors/{error.Id}/notes"), host.AdminKey, new { text = "Fixed; resync\nrequested." }))
        {
            Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        }

        using var detail = await host.GetAsync(TenantErrors.Path(tenant, $"errors/{error.Id}"), host.AdminKey);
        var notes = (await Problems.JsonAsync(detail)).GetProperty("notes").EnumerateArray().ToList();
        Assert.Equal(["Asked sales to fix the address.", "Fixed; resync\nrequested."], notes.Select(n => n.GetProperty("text").GetString()));
        Assert.All(notes, n => Assert.Equal("admin", n.GetProperty("author").GetString()));
        Assert.True(notes[0].GetProperty("at").GetDateTimeOffset() <= notes[1].GetProperty("at").GetDateTimeOffset());
    }

    [Theory]
    [InlineData("errors/assignee", "{\"filter\":{}}", "assignee")]
    [InlineData("errors/assignee", "{\"filter\":{},\"assignee\":\"\"}", "assignee")]
    [InlineData("errors/assignee", "{\"filter\":{},\"assignee\":\"two\\nlines\"}", "assignee")]
    [InlineData("errors/assignee", "{\"filter\":{},\"assignee\":42}", "assignee")]
    [InlineData("errors/assignee", "{\"assignee\":\"anna\"}", "errorIds")]
    [InlineData("errors/assignee", "{\"filter\":{\"state\":\"resolved\"},\"assignee\":\"anna\"}", "filter.state")]
    [InlineData("errors/assignee", "{\"filter\":{\"assignee\":\"x\\u0000\"},\"assignee\":\"anna\"}", "filter.assignee")]
    [InlineData("errors/{id}/notes", "{}", "text")]
    [InlineData("errors/{id}/notes", "{\"text\":\"   \"}", "text")]
    [InlineData("errors/{id}/notes", "{\"text\":[\"a\"]}", "text")]
    public async Task Should_refuse_naming_the_field_and_change_nothing_when_the_request_is_not_valid(string route, string body, string field)
    {
        var tenant = SyncFailures.NewTenant("assign-invalid");
        var error = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "inv-1", SyncFailures.InvalidEmail)]))[0];

        using var response = await host.SendRawAsync(route == "errors/assignee" ? HttpMethod.Put : HttpMethod.Post, TenantErrors.Path(tenant, route.Replace("{id}", error.Id, StringComparison.Ordinal)), host.AdminKey, body);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        var stored = await Store.GetAsync(tenant, error.Id, Ct);
        Assert.Equal((null, 0), (stored!.Assignee, stored.Notes.Count));
    }

    [Fact]
    public async Task Should_answer_404_for_an_error_of_another_tenant()
    {
        var other = (await host.SeedAsync([SyncFailures.ToSalesforce(SyncFailures.NewTenant("assign-other"), "oth-1", SyncFailures.InvalidEmail)]))[0];
        var tenant = SyncFailures.NewTenant("assign-mine");

        using var assign = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, $"errors/{other.Id}/assignee"), host.AdminKey, new { assignee = "anna" });
        using var note = await host.SendAsync(HttpMethod.Post, TenantErrors.Path(tenant, $"errors/{other.Id}/notes"), host.AdminKey, new { text = "mine?" });

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (assign.StatusCode, note.StatusCode));
        var stored = await Store.GetAsync(other.TenantId, other.Id, Ct);
        Assert.Equal((null, 0), (stored!.Assignee, stored.Notes.Count));
    }

    private ISyncErrorStore Store => host.Services.GetRequiredService<ISyncErrorStore>();
}

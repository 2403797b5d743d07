using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>GET /api/tenants/{t}/audit</c> and <c>.../audit/export.csv</c>: every change the API makes (resync, resync-all, the
/// allocation, the notification settings, the record links, views) with its principal, time, what it touched and the
/// values before and after; newest first, in pages, filtered by action and principal; readable by readers.
/// </summary>
public sealed class AuditTrailTests(AuditApiHost host) : IClassFixture<AuditApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_record_each_change_with_its_principal_and_values_before_and_after_when_a_sequence_of_actions_is_made()
    {
        var tenant = SyncFailures.NewTenant("audit-sequence");
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(tenant, 1200, 15000, DateTimeOffset.UtcNow, Ct);
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "901", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(tenant, "902", SyncFailures.ValidationRule)]);
        var invalidEmail = errors.Single(e => e.HubSpotId == "901");
        var validationRule = errors.Single(e => e.HubSpotId == "902").ErrorType;

        await ChangeAsync(HttpMethod.Put, tenant, "links", host.AdaKey, """{"hubSpotPortalId":"4712"}""");
        await ChangeAsync(HttpMethod.Put, tenant, "links", host.AdaKey, """{"hubSpotPortalId":"4712","salesforceInstanceUrl":"https://acme.my.salesforce.com"}""");
        await ChangeAsync(HttpMethod.Put, tenant, "api-allocation", host.AdaKey, """{"allocatedToHubSpot":5000}""");
        await ChangeAsync(
            HttpMethod.Put, tenant, "notification-settings", host.AdaKey, """{"enabled":true,"frequency":"weekly","recipients":["ops@acme.example"],"timeZone":"Europe/Warsaw","language":"pl"}""");
        var view = await ChangeAsync(HttpMethod.Post, tenant, "views", host.OttoKey, """{"objectType":"contact"}""");
        var resync = await ChangeAsync(HttpMethod.Post, tenant, "resync", host.OttoKey, $$"""{"errorIds":["{{invalidEmail.Id}}"]}""");
        var resyncAll = await ChangeAsync(HttpMethod.Post, tenant, "resync-all", host.OttoKey, $$"""{"errorType":"{{validationRule}}"}""");

        var entries = await ListAsync(tenant, "", host.RitaKey);

        Assert.Equal(
            [("otto", "resync-all"), ("otto", "resync"), ("otto", "view.created"), ("ada", "notification-settings.changed"), ("ada", "allocation.changed"),
                ("ada", "record-links.changed"), ("ada", "record-links.changed")],
            entries.Select(e => (e.GetProperty("principal").GetString(), e.GetProperty("action").GetString())));
        Assert.Equal(entries.Select(e => e.GetProperty("at").GetDateTimeOffset()).OrderDescending(), entries.Select(e => e.GetProperty("at").GetDateTimeOffset()));
        var links = entries[5];
        Assert.Equal(("4712", null), (Text(links, "before", "hubSpotPortalId"), Text(links, "before", "salesforceInstanceUrl")));
        Assert.Equal(("4712", "https://acme.my.salesforce.com"), (Text(links, "after", "hubSpotPortalId"), Text(links, "after", "salesforceInstanceUrl")));
        Assert.Equal(JsonValueKind.Null, entries[6].GetProperty("before").GetProperty("hubSpotPortalId").ValueKind);
        var allocation = entries[4];
        Assert.Equal(JsonValueKind.Null, allocation.GetProperty("before").GetProperty("allocatedToHubSpot").ValueKind);
        Assert.Equal(5000, allocation.GetProperty("after").GetProperty("allocatedToHubSpot").GetInt64());
        var settings = entries[3];
        Assert.Equal(JsonValueKind.Null, settings.GetProperty("before").ValueKind);
        Assert.Equal(("weekly", "ops@acme.example"), (Text(settings, "after", "frequency"), settings.GetProperty("after").GetProperty("recipients")[0].GetString()));
        Assert.Equal(view.GetProperty("id").GetString(), Text(entries[2], "subject", "viewId"));
        Assert.Equal("contact", Text(entries[2], "after", "objectType"));
        Assert.Equal(resync.GetProperty("requestId").GetString(), Text(entries[1], "subject", "requestId"));
        Assert.Equal([invalidEmail.Id], entries[1].GetProperty("subject").GetProperty("errorIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(resyncAll.GetProperty("requestIds")[0].GetString(), entries[0].GetProperty("subject").GetProperty("requestIds")[0].GetString());
        Assert.Equal((validationRule, 1), (Text(entries[0], "subject", "filter", "errorType"), entries[0].GetProperty("subject").GetProperty("errors").GetInt32()));
    }

    [Fact]
    public async Task Should_record_ignore_restore_assign_and_note_with_who_what_and_the_values_when_a_team_works_on_errors()
    {
        var tenant = SyncFailures.NewTenant("audit-team");
        var errors = await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "911", SyncFailures.InvalidEmail), SyncFailures.ToSalesforce(tenant, "912", SyncFailures.InvalidEmail)]);
        var ids = errors.Select(e => e.Id).Order(StringComparer.Ordinal).ToList();

        await ChangeAsync(HttpMethod.Post, tenant, "errors/ignore", host.OttoKey, """{"filter":{},"untilOccurrences":3,"reason":"test records"}""");
        await ChangeAsync(HttpMethod.Post, tenant, "errors/restore", host.OttoKey, $$"""{"errorIds":["{{ids[0]}}"]}""");
        await ChangeAsync(HttpMethod.Put, tenant, $"errors/{ids[0]}/assignee", host.OttoKey, """{"assignee":"Anna"}""");
        await ChangeAsync(HttpMethod.Put, tenant, $"errors/{ids[0]}/assignee", host.AdaKey, """{"assignee":"Bob"}""");
        await ChangeAsync(HttpMethod.Post, tenant, $"errors/{ids[0]}/notes", host.AdaKey, """{"text":"Bob takes it."}""");

        var entries = await ListAsync(tenant, "", host.RitaKey);

        Assert.Equal(
            [("ada", "error.note-added"), ("ada", "error.assigned"), ("otto", "error.assigned"), ("otto", "error.restored"), ("otto", "error.ignored")],
            entries.Select(e => (e.GetProperty("principal").GetString(), e.GetProperty("action").GetString())));
        Assert.Equal(("Bob takes it.", ids[0]), (Text(entries[0], "after", "text"), Text(entries[0], "subject", "errorId")));
        Assert.Equal(("Anna", "Bob"), (Text(entries[1], "before", "assignee"), Text(entries[1], "after", "assignee")));
        Assert.Equal(JsonValueKind.Null, entries[2].GetProperty("before").GetProperty("assignee").ValueKind);
        Assert.Equal([ids[0]], entries[3].GetProperty("subject").GetProperty("errorIds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(ids, entries[4].GetProperty("subject").GetProperty("errorIds").EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal));
        Assert.Equal(("test records", 3), (Text(entries[4], "after", "reason"), entries[4].GetProperty("after").GetProperty("untilOccurrences").GetInt32()));
    }

    [Fact]
    public async Task Should_list_one_actions_or_one_principals_entries_page_by_page_when_filtered()
    {
        var tenant = SyncFailures.NewTenant("audit-filter");
        foreach (var portal in new[] { "1", "2", "3" })
        {
            await ChangeAsync(HttpMethod.Put, tenant, "links", host.AdaKey, $$"""{"hubSpotPortalId":"{{portal}}"}""");
        }

        await ChangeAsync(HttpMethod.Post, tenant, "views", host.OttoKey, "{}");

        using var firstPage = await host.GetAsync(TenantErrors.Path(tenant, "audit?action=record-links.changed&limit=2"), host.RitaKey);
        var first = await Problems.JsonAsync(firstPage);
        using var secondPage = await host.GetAsync(TenantErrors.Path(tenant, $"audit?action=record-links.changed&limit=2&cursor={first.GetProperty("next").GetString()}"), host.RitaKey);
        var second = await Problems.JsonAsync(secondPage);
        var otto = await ListAsync(tenant, "?principal=otto", host.RitaKey);

        var portals = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).Select(e => Text(e, "after", "hubSpotPortalId"));
        Assert.Equal(["3", "2", "1"], portals);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("next").ValueKind);
        Assert.Equal("view.created", Assert.Single(otto).GetProperty("action").GetString());
    }

    [Fact]
    public async Task Should_record_nothing_when_a_change_is_refused()
    {
        var tenant = SyncFailures.NewTenant("audit-refused");

        using var refused = await host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(tenant, "links"), host.AdaKey, """{"hubSpotPortalId":"47x2"}""");
        using var forbidden = await host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(tenant, "links"), host.OttoKey, """{"hubSpotPortalId":"4712"}""");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.Forbidden), (refused.StatusCode, forbidden.StatusCode));
        Assert.Empty(await ListAsync(tenant, "", host.AdaKey));
    }

    [Theory]
    [InlineData("action=links.changed", "action")]
    [InlineData("limit=0", "limit")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    public async Task Should_refuse_naming_the_parameter_when_the_query_is_not_valid(string query, string field)
    {
        using var response = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("audit-invalid"), $"audit?{query}"), host.RitaKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
    }

    [Fact]
    public async Task Should_export_the_entries_newest_first_as_csv_with_the_values_as_json_when_the_csv_is_asked_for()
    {
        var tenant = SyncFailures.NewTenant("audit-csv");
        await ChangeAsync(HttpMethod.Put, tenant, "links", host.AdaKey, """{"hubSpotPortalId":"4712"}""");
        await ChangeAsync(HttpMethod.Post, tenant, "views", host.OttoKey, """{"objectType":"contact"}""");

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "audit/export.csv"), host.RitaKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith($"attachment; filename=\"audit_{tenant}_", response.Content.Headers.ContentDisposition?.ToString(), StringComparison.Ordinal);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("at,principal,action,subject,before,after,id", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains(",otto,view.created,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",ada,record-links.changed,,", lines[2], StringComparison.Ordinal);
        Assert.Contains("\"\"hubSpotPortalId\"\":\"\"4712\"\"", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_document_a_page_shaped_as_the_api_writes_it_with_a_cursor_it_takes()
    {
        var tenant = SyncFailures.NewTenant("audit-example");
        await ChangeAsync(HttpMethod.Put, tenant, "links", host.AdaKey, """{"hubSpotPortalId":"4712"}""");
        using var document = await host.GetAsync("/openapi/v1.json", key: null);

        var example = (await Problems.JsonAsync(document)).GetProperty("paths").GetProperty("/api/tenants/{tenantId}/audit").GetProperty("get")
            .GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("example");
        var actual = Assert.Single(await ListAsync(tenant, "", host.RitaKey));
        Assert.All(example.GetProperty("items").EnumerateArray(), item => Assert.Equal(Names(actual), Names(item)));
        // The example's cursor is the second entry's, on 7 December 2026 at 10:09 UTC: the page after it lists what is older.
        Assert.Empty(await ListAsync(tenant, $"?cursor={example.GetProperty("next").GetString()}", host.RitaKey));
    }

    private async Task<JsonElement> ChangeAsync(HttpMethod method, string tenant, string route, string key, string json)
    {
        using var response = await host.SendRawAsync(method, TenantErrors.Path(tenant, route), key, json);
        Assert.True(response.IsSuccessStatusCode, $"{method} {route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Ct)}");
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct)).RootElement.Clone();
    }

    private async Task<List<JsonElement>> ListAsync(string tenant, string query, string key)
    {
        using var response = await host.GetAsync(TenantErrors.Path(tenant, $"audit{query}"), key);
        return [.. (await Problems.JsonAsync(response)).GetProperty("items").EnumerateArray()];
    }

    private static IEnumerable<string> Names(JsonElement item) => item.EnumerateObject().Select(p => p.Name);

    private static string? Text(JsonElement entry, params string[] path) =>
        path.Aggregate(entry, (element, name) => element.GetProperty(name)).GetString();
}

using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary><c>GET /api/tenants/{t}/errors</c>: filters, validation and cursor paging.</summary>
public sealed class ErrorListTests(ApiHost host)
{
    private static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    [Fact]
    public async Task Should_list_each_error_with_its_meaning_and_fix_when_the_tenant_has_errors()
    {
        var tenant = SyncFailures.NewTenant("list");
        var stored = (await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "501", SyncFailures.InvalidEmail)])).Single();

        var (items, next) = await host.PageAsync(tenant, "");

        Assert.Null(next);
        var item = Assert.Single(items);
        var info = ErrorCatalog.Default.Get(SyncFailures.InvalidEmailType);
        Assert.Equal(stored.Id, item.GetProperty("id").GetString());
        Assert.Equal(("property-values", SyncFailures.InvalidEmailType), (item.GetProperty("category").GetString(), item.GetProperty("errorType").GetString()));
        Assert.Equal((info.Title.En, info.Meaning.En, info.Fix.En), (item.GetProperty("title").GetString(), item.GetProperty("meaning").GetString(), item.GetProperty("fix").GetString()));
        Assert.Equal(("open", "contact", "501"), (item.GetProperty("state").GetString(), item.GetProperty("objectType").GetString(), item.GetProperty("hubSpotId").GetString()));
        Assert.Equal("INVALID_EMAIL_ADDRESS", item.GetProperty("statusCode").GetString());
        Assert.Equal(stored.Message, item.GetProperty("message").GetString());
        Assert.Equal(["Email"], item.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Equal("toSalesforce", item.GetProperty("direction").GetString());
        Assert.Equal(1, item.GetProperty("occurrences").GetInt64());
        Assert.Equal(stored.FirstSeen, item.GetProperty("firstSeen").GetDateTimeOffset());
        Assert.Equal(stored.LastSeen, item.GetProperty("lastSeen").GetDateTimeOffset());
        Assert.Equal(TenantErrors.ItemProperties.Order(StringComparer.Ordinal), item.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_show_polish_texts_when_lang_is_pl()
    {
        var tenant = SyncFailures.NewTenant("list-pl");
        await host.SeedAsync([SyncFailures.ToSalesforce(tenant, "502", SyncFailures.InvalidEmail)]);

        var (items, _) = await host.PageAsync(tenant, "?lang=pl");

        Assert.Equal(ErrorCatalog.Default.Get(SyncFailures.InvalidEmailType).Fix.Pl, Assert.Single(items).GetProperty("fix").GetString());
    }

    [Theory]
    [InlineData("?errorType=invalid-email", new[] { "a" })]
    [InlineData("?category=property-values", new[] { "a", "b" })]
    [InlineData("?category=duplicates", new[] { "c" })]
    [InlineData("?state=resync-pending", new[] { "b" })]
    [InlineData("?state=open", new[] { "a", "c", "d" })]
    [InlineData("?state=current", new[] { "a", "b", "c", "d" })]
    [InlineData("?objectType=Lead", new[] { "c" })]
    [InlineData("?q=duplicates_detected", new[] { "c" })]
    [InlineData("?errorType=validation-rule&objectType=contact", new[] { "d" })]
    public async Task Should_list_only_matching_errors_when_filters_are_given(string query, string[] expected)
    {
        var tenant = await SeedFourAsync();

        Assert.Equal(expected, await host.HubSpotIdsAsync(tenant, query));
    }

    [Fact]
    public async Task Should_list_errors_last_seen_in_the_range_when_from_and_to_are_given()
    {
        var tenant = await SeedFourAsync();
        var middle = Uri.EscapeDataString(Now.AddHours(-36).ToString("O"));

        Assert.Equal(["c", "d"], await host.HubSpotIdsAsync(tenant, $"?from={middle}"));
        Assert.Equal(["a", "b"], await host.HubSpotIdsAsync(tenant, $"?to={middle}"));
        Assert.Equal(["b", "c"], await host.HubSpotIdsAsync(tenant, $"?from={Uri.EscapeDataString(Now.AddDays(-2).AddMinutes(-1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'"))}&to={Uri.EscapeDataString(Now.AddHours(-2).ToString("yyyy-MM-dd'T'HH:mm'Z'"))}"));
    }

    [Theory]
    [InlineData("errorType=no-such-type", "errorType")]
    [InlineData("category=no-such-category", "category")]
    [InlineData("state=closed", "state")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=201", "limit")]
    [InlineData("limit=ten", "limit")]
    [InlineData("from=yesterday", "from")]
    [InlineData("to=01%2F02%2F2026", "to")]
    [InlineData("from=2026-03-02&to=2026-03-01", "to")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("cursor=MTIzNDU", "cursor")]
    [InlineData("lang=de", "lang")]
    public async Task Should_refuse_naming_the_parameter_when_it_is_not_valid(string query, string parameter)
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, $"errors?{query}"), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, parameter));
    }

    [Fact]
    public async Task Should_return_50_errors_and_a_cursor_when_no_limit_is_given_and_there_are_more()
    {
        var tenant = SyncFailures.NewTenant("list-default-limit");
        await host.SeedAsync(Enumerable.Range(0, 60).Select(i => SyncFailures.ToSalesforce(tenant, $"d{i}", SyncFailures.InvalidEmail, occurredAt: Now.AddMinutes(-i))));

        var (items, next) = await host.PageAsync(tenant, "");

        Assert.Equal(50, items.Count);
        Assert.NotNull(next);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"d{i}"), items.Select(i => i.GetProperty("hubSpotId").GetString()));
    }

    [Fact]
    public async Task Should_visit_every_error_once_newest_first_when_paging_with_the_cursor()
    {
        var tenant = SyncFailures.NewTenant("list-paging");
        // Several errors share a last-seen instant: the cursor's id breaks the tie.
        var stored = await host.SeedAsync(Enumerable.Range(0, 45).Select(i => SyncFailures.ToSalesforce(tenant, $"p{i}", SyncFailures.InvalidEmail, occurredAt: Now.AddMinutes(-(i / 4)))));

        var seen = new List<System.Text.Json.JsonElement>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var (items, next) = await host.PageAsync(tenant, cursor is null ? "?limit=7" : $"?limit=7&cursor={cursor}");
            Assert.InRange(items.Count, 1, 7);
            seen.AddRange(items);
            cursor = next;
            Assert.True(++pages <= 10, "The paging does not end.");
        }
        while (cursor is not null);

        Assert.Equal(7, pages);
        var ids = seen.Select(i => i.GetProperty("id").GetString()!).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(stored.Select(e => e.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
        var lastSeen = seen.Select(i => i.GetProperty("lastSeen").GetDateTimeOffset()).ToList();
        Assert.Equal(lastSeen.OrderDescending(), lastSeen);
    }

    /// <summary>a: invalid email 3 days ago; b: missing value 2 days ago, resync-pending; c: duplicate lead a day ago; d: validation rule an hour ago.</summary>
    private async Task<string> SeedFourAsync()
    {
        var tenant = SyncFailures.NewTenant("list-filters");
        SyncFailureReported[] failures =
        [
            SyncFailures.ToSalesforce(tenant, "a", SyncFailures.InvalidEmail, occurredAt: Now.AddDays(-3)),
            SyncFailures.ToSalesforce(tenant, "b", SyncFailures.RequiredFieldMissing, occurredAt: Now.AddDays(-2)),
            SyncFailures.ToSalesforce(tenant, "c", SyncFailures.DuplicateRule, objectType: "lead", occurredAt: Now.AddDays(-1)),
            SyncFailures.ToSalesforce(tenant, "d", SyncFailures.ValidationRule, occurredAt: Now.AddHours(-1)),
        ];
        var stored = await host.SeedAsync(failures);
        var b = stored.Single(e => e.HubSpotId == "b");
        await host.Services.GetRequiredService<ISyncErrorStore>().MarkResyncPendingAsync(tenant, [b.Id], TestContext.Current.CancellationToken);
        return tenant;
    }
}

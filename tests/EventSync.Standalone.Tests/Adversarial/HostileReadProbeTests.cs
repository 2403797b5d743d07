using System.Net;
using System.Text.Json;
using CsvHelper;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a hostile reader tries on the real process: framing or sniffing the dashboard, formulas smuggled into the CSV
/// export, another tenant's data with its own key, and query strings no page asks for. Nothing leaks, nothing breaks.
/// </summary>
public sealed class HostileReadProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/index.html", false)]
    [InlineData("/api/catalog", true)]
    [InlineData("/api/tenants/" + ProbedStandalone.Acme + "/sync-health", true)]
    public async Task Should_forbid_framing_and_sniffing_and_name_no_server_when_a_page_or_api_answer_is_read(string path, bool tenantData)
    {
        using var response = await host.GetAsync(path, host.AdminKey);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertHardened(response, tenantData);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-key")]
    public async Task Should_send_the_same_headers_on_a_refusal_when_no_valid_key_is_sent(string? key)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, "errors"), key);

        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        AssertHardened(response, tenantData: true);
    }

    [Theory]
    [InlineData(',')]
    [InlineData(';')]
    public async Task Should_start_no_cell_with_a_formula_when_the_export_is_split_at_comma_or_semicolon(char separator)
    {
        var tenant = SyncFailures.NewTenant("csv");
        string[] messages = [";=1+1;Email", " =1+1", "\t=1+1", "x;@SUM(A1)", "a; -2+3", "\"=1\";\"=2\""];
        await host.SeedAsync(
            tenant,
            [.. messages.Select((m, i) => SyncFailures.ToSalesforce(tenant, $"{800 + i}", SyncFailures.ValidationRule with { Message = m, Fields = ["Phone", "=cmd|' /C calc'!A0"] }))],
            messages.Length);

        using var response = await host.GetAsync(ProbedStandalone.TenantPath(tenant, "errors/export.csv"), host.AdminKey);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        using var csv = CsvReader.FromText(text, CsvReaderOptions.Default with { Separator = separator, HasHeader = false, AllowLineBreaksInQuotes = true });
        var cells = new List<string>();
        while (csv.Read())
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                cells.Add(csv.GetString(i));
            }
        }

        Assert.True(cells.Count > messages.Length * 2, $"Only {cells.Count} cells were read.");
        Assert.All(cells, cell =>
        {
            var start = cell.AsSpan().IndexOfAnyExcept(" \t\r\n\"");
            Assert.False(cell.Length > 0 && (cell[0] is '\t' or '\r' || (start >= 0 && "=+-@".Contains(cell[start], StringComparison.Ordinal))), $"Cell '{cell}' would run as a formula.");
        });
        Assert.Contains("\";'=1+1;Email\"", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("errors")]
    [InlineData("errors/export.csv")]
    [InlineData("sync-health")]
    [InlineData("error-trend")]
    [InlineData("notification-settings")]
    public async Task Should_answer_404_without_data_when_another_tenants_key_reads_a_tenant(string route)
    {
        await SeedAcmeAsync();

        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, route), host.TenantKeys[ProbedStandalone.Globex]);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.DoesNotContain("acme-secret", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_404_when_another_tenants_key_asks_for_an_error_by_its_id()
    {
        var id = (await SeedAcmeAsync()).GetProperty("id").GetString();

        using var asOther = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"errors/{id}"), host.TenantKeys[ProbedStandalone.Globex]);
        using var underOther = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Globex, $"errors/{id}"), host.TenantKeys[ProbedStandalone.Globex]);
        using var asOwner = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"errors/{id}"), host.TenantKeys[ProbedStandalone.Acme]);

        await Problems.ReadAsync(asOther, HttpStatusCode.NotFound);
        await Problems.ReadAsync(underOther, HttpStatusCode.NotFound);
        Assert.Equal("acme-secret", (await Problems.JsonAsync(asOwner)).GetProperty("hubSpotId").GetString());
    }

    [Fact]
    public async Task Should_answer_401_and_store_nothing_when_a_tenant_key_posts_events_of_another_tenant()
    {
        var smuggled = SyncFailures.ToSalesforce(ProbedStandalone.Acme, "smuggled-by-globex", SyncFailures.InvalidEmail);
        var own = SyncFailures.ToSalesforce(ProbedStandalone.Globex, "globex-own", SyncFailures.InvalidEmail);

        using var alone = await host.PostFailuresAsync([smuggled], host.TenantKeys[ProbedStandalone.Globex]);
        using var mixed = await host.PostFailuresAsync([own, smuggled], host.TenantKeys[ProbedStandalone.Globex]);

        await Problems.ReadAsync(alone, HttpStatusCode.Unauthorized);
        await Problems.ReadAsync(mixed, HttpStatusCode.Unauthorized);
        Assert.DoesNotContain(await host.ErrorsAfterSentinelAsync(ProbedStandalone.Acme), e => e.GetProperty("hubSpotId").GetString() == "smuggled-by-globex");
        Assert.DoesNotContain(await host.ErrorsAfterSentinelAsync(ProbedStandalone.Globex), e => e.GetProperty("hubSpotId").GetString() == "globex-own");
    }

    [Fact]
    public async Task Should_refuse_some_of_a_flood_of_one_tenants_list_reads_while_another_tenants_page_is_answered()
    {
        var heavy = SyncFailures.NewTenant("flood");
        var quiet = SyncFailures.NewTenant("quiet");
        var failures = Enumerable.Range(0, 1000)
            .Select(i => SyncFailures.ToSalesforce(heavy, $"flood-{i}", SyncFailures.ValidationRule with { Message = $"{i}: " + new string('p', 2_000) }))
            .ToList();
        await host.SeedAsync(heavy, failures, expectedErrors: 200);

        await SomeAreRefusedWhileAnotherTenantIsAnsweredAsync(
            HttpMethod.Get, ProbedStandalone.TenantPath(heavy, "errors?limit=200"), ProbedStandalone.TenantPath(quiet, "errors"), requests: 12, "list reads");
    }

    [Fact]
    public async Task Should_refuse_some_of_a_flood_of_one_tenants_recounts_while_another_tenants_recount_is_answered()
    {
        var heavy = SyncFailures.NewTenant("recount-flood");
        var quiet = SyncFailures.NewTenant("recount-quiet");
        var failures = Enumerable.Range(0, 200)
            .Select(i => SyncFailures.ToSalesforce(heavy, $"recount-{i}", i % 2 == 0 ? SyncFailures.ValidationRule : SyncFailures.InvalidEmail))
            .ToList();
        await host.SeedAsync(heavy, failures, expectedErrors: 200);

        await SomeAreRefusedWhileAnotherTenantIsAnsweredAsync(
            HttpMethod.Post, ProbedStandalone.TenantPath(heavy, "cards/recount"), ProbedStandalone.TenantPath(quiet, "cards/recount"), requests: 24, "recounts");
    }

    public static TheoryData<string, string> WrongParameters { get; } = new()
    {
        { "errors?limit=100000", "limit" },
        { "errors?limit=-1", "limit" },
        { "errors?limit=1e3", "limit" },
        { "errors?cursor=!!!not-base64!!!", "cursor" },
        { "errors?cursor=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "cursor" },
        { "errors?cursor=" + "QUFB", "cursor" },
        { "errors?lang=..%2F..%2Fetc%2Fpasswd", "lang" },
        { "errors?lang=en%00", "lang" },
        { "errors?q=%00", "q" },
        { "errors?q=Email%00zzz", "q" },
        { "errors?objectType=contact%00", "objectType" },
        { "errors?from=99999-99-99", "from" },
        { "errors?from=2026-03-01T00:00:00Z&to=2026-01-01", "to" },
        { "errors?state=open%27%20OR%201%3D1--", "state" },
        { "errors?state=CURRENT", "state" },
        { "errors?state=current%00", "state" },
        { "errors?state=current,open", "state" },
        { "errors/export.csv?state=current%0D%0Aopen", "state" },
        { "error-trend?days=100000", "days" },
        { "error-trend?days=0", "days" },
    };

    [Theory]
    [MemberData(nameof(WrongParameters))]
    public async Task Should_answer_400_naming_the_parameter_when_a_query_asks_for_what_no_page_does(string query, string parameter)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Globex, query), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, parameter));
    }

    [Theory]
    [InlineData("..%2F..%2Fetc%2Fpasswd")]
    [InlineData("acme-probe%20")]
    [InlineData("%D0%B0cme-probe")]
    [InlineData("-acme")]
    public async Task Should_answer_400_naming_the_tenant_id_when_the_route_holds_no_tenant_id(string tenantId)
    {
        using var response = await host.GetAsync($"/api/tenants/{tenantId}/errors", host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, "tenantId"));
    }

    [Fact]
    public async Task Should_refuse_a_nul_in_the_route_with_400_before_any_route_is_matched()
    {
        using var response = await host.GetAsync($"/api/tenants/{ProbedStandalone.Acme}%00/errors", host.AdminKey);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("acme-secret", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_a_long_tenant_id_with_400_not_a_lookup()
    {
        using var response = await host.GetAsync($"/api/tenants/{new string('a', 5_000)}/errors", host.AdminKey);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(await Problems.FieldAsync(response, "tenantId"));
        Assert.True(body.Length < 4 * 1024, $"The 400 answer is {body.Length} characters long.");
    }

    [Fact]
    public async Task Should_refuse_a_100_KB_query_string_with_a_client_error_not_a_fault()
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Globex, $"errors?q={new string('q', 100_000)}"), host.AdminKey);

        Assert.InRange((int)response.StatusCode, 400, 499);
    }

    [Theory]
    [InlineData("%25%25%25")]
    [InlineData("%5F%5F%5F")]
    [InlineData("%27%3B%20DROP%20TABLE%20errors%3B--")]
    public async Task Should_answer_an_empty_page_when_the_search_holds_wildcards_quotes_or_nulls(string q)
    {
        await SeedAcmeAsync();

        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"errors?q={q}"), host.AdminKey);

        Assert.Empty((await Problems.JsonAsync(response)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task Should_answer_in_english_when_accept_language_is_junk()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("/api/catalog", UriKind.Relative));
        request.Headers.TryAddWithoutValidation("Accept-Language", "../../../etc/passwd;q=1, " + string.Join(',', Enumerable.Repeat("xx-YY;q=0.5", 400)));

        using var response = await host.Anonymous.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(JsonValueKind.Object, (await Problems.JsonAsync(response)).ValueKind);
    }

    private static void AssertHardened(HttpResponseMessage response, bool tenantData)
    {
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Empty(response.Headers.Server);
        Assert.False(response.Headers.Contains("X-Powered-By"));
        if (tenantData)
        {
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        }
    }

    private async Task<JsonElement> SeedAcmeAsync()
    {
        var errors = await host.ErrorsAsync(ProbedStandalone.Acme, "&q=acme-secret");
        if (errors.Count > 0)
        {
            return errors[0];
        }

        var seeded = await host.SeedAsync(ProbedStandalone.Acme, [SyncFailures.ToSalesforce(ProbedStandalone.Acme, "acme-secret", SyncFailures.InvalidEmail)], expectedErrors: 1);
        return seeded.First(e => e.GetProperty("hubSpotId").GetString() == "acme-secret");
    }

    /// <summary>Floods one tenant's route until some of the requests are refused, and checks the refusals and another tenant's answer.</summary>
    private async Task SomeAreRefusedWhileAnotherTenantIsAnsweredAsync(HttpMethod method, string flooded, string other, int requests, string what)
    {
        var (refused, otherAnswer) = await Eventually.MatchesAsync(
            () => FloodAsync(method, flooded, other, requests),
            flood => flood.Refused.Count > 0,
            TimeSpan.FromSeconds(60),
            $"some of {requests} parallel {what} of one tenant are refused with 429");

        Assert.Equal(HttpStatusCode.OK, otherAnswer);
        Assert.All(refused, r => Assert.NotNull(r.Headers.RetryAfter));
        Assert.All(refused, r => Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType));
    }

    private async Task<(List<HttpResponseMessage> Refused, HttpStatusCode OtherPage)> FloodAsync(HttpMethod method, string flooded, string other, int requests)
    {
        var flood = Enumerable.Range(0, requests).Select(_ => host.SendAsync(method, flooded, host.AdminKey)).ToList();
        using var otherAnswer = await host.SendAsync(method, other, host.AdminKey);
        var answers = await Task.WhenAll(flood);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.OK, HttpStatusCode.TooManyRequests }));
        foreach (var answer in answers.Where(a => a.StatusCode != HttpStatusCode.TooManyRequests))
        {
            answer.Dispose();
        }

        return ([.. answers.Where(a => a.StatusCode == HttpStatusCode.TooManyRequests)], otherAnswer.StatusCode);
    }
}

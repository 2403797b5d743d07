using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a hostile or careless client does with the webhook routes of the real process: <c>GET/PUT .../webhooks</c>,
/// <c>.../webhooks/deliveries</c> and <c>.../webhooks/{id}/test</c>: no key, a wrong one, another tenant's, too small a
/// role; bodies past the limit however framed; every field of the wrong type, too long or full of control characters;
/// JSON that only a lenient reader takes; paging junk; test floods; and a secret looked for in every answer and the log.
/// A refused request is a problem naming the field, and stores nothing.
/// </summary>
public sealed class HostileWebhookProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    private const long MaxSmallBodyBytes = 64 * 1024;
    private const int WebhookTestsPerWindow = 10;
    private const string Url = "https://hooks.example.com/eventsync";

    public static TheoryData<string, string, string, HttpStatusCode> KeyRefusals { get; } = new()
    {
        { "GET", "webhooks", "none", HttpStatusCode.Unauthorized },
        { "PUT", "webhooks", "none", HttpStatusCode.Unauthorized },
        { "GET", "webhooks/deliveries", "none", HttpStatusCode.Unauthorized },
        { "POST", "webhooks/acme-hook/test", "none", HttpStatusCode.Unauthorized },
        { "GET", "webhooks", "wrong", HttpStatusCode.Unauthorized },
        { "PUT", "webhooks", "wrong", HttpStatusCode.Unauthorized },
        { "GET", "webhooks/deliveries", "wrong", HttpStatusCode.Unauthorized },
        { "POST", "webhooks/acme-hook/test", "wrong", HttpStatusCode.Unauthorized },
        { "GET", "webhooks", "other-tenant", HttpStatusCode.NotFound },
        { "PUT", "webhooks", "other-tenant", HttpStatusCode.NotFound },
        { "GET", "webhooks/deliveries", "other-tenant", HttpStatusCode.NotFound },
        { "POST", "webhooks/acme-hook/test", "other-tenant", HttpStatusCode.NotFound },
        { "GET", "webhooks", "other-admin", HttpStatusCode.NotFound },
        { "PUT", "webhooks", "other-admin", HttpStatusCode.NotFound },
        { "GET", "webhooks/deliveries", "other-admin", HttpStatusCode.NotFound },
        { "POST", "webhooks/acme-hook/test", "other-admin", HttpStatusCode.NotFound },
        { "GET", "webhooks", "operator", HttpStatusCode.Forbidden },
        { "PUT", "webhooks", "operator", HttpStatusCode.Forbidden },
        { "POST", "webhooks/acme-hook/test", "operator", HttpStatusCode.Forbidden },
        { "GET", "webhooks", "reader", HttpStatusCode.Forbidden },
        { "PUT", "webhooks", "reader", HttpStatusCode.Forbidden },
        { "GET", "webhooks/deliveries", "reader", HttpStatusCode.Forbidden },
        { "POST", "webhooks/acme-hook/test", "reader", HttpStatusCode.Forbidden },
    };

    [Theory]
    [MemberData(nameof(KeyRefusals))]
    public async Task Should_refuse_with_a_problem_and_change_nothing_when_the_key_may_not_use_a_webhook_route(string method, string route, string key, HttpStatusCode status)
    {
        var before = JsonSerializer.Serialize(await EndpointsAsync(ProbedStandalone.Acme));
        var secret = NewSecret();

        using var response = await host.SendJsonAsync(new HttpMethod(method), ProbedStandalone.TenantPath(ProbedStandalone.Acme, route), KeyOf(key), Body(Endpoint("evil-hook", secret: secret)));

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Problems.ReadAsync(response, status);
        Assert.DoesNotContain(secret, body, StringComparison.Ordinal);
        Assert.Equal(before, JsonSerializer.Serialize(await EndpointsAsync(ProbedStandalone.Acme)));
    }

    [Fact]
    public async Task Should_let_an_operator_read_the_deliveries_but_not_the_endpoints()
    {
        using var deliveries = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, "webhooks/deliveries"), host.TenantKeys[ProbedStandalone.Acme]);

        Assert.Equal(JsonValueKind.Array, (await Problems.JsonAsync(deliveries)).GetProperty("deliveries").ValueKind);
    }

    [Fact]
    public async Task Should_answer_413_naming_the_limit_and_keep_the_endpoints_when_the_body_passes_64_KiB()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-big");

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, Body(Endpoint("hook", url: Url + "?pad=" + new string('a', 70 * 1024))));

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(MaxSmallBodyBytes.ToString(CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("url")]
    [InlineData("secret")]
    [InlineData("id")]
    public async Task Should_answer_413_and_keep_the_endpoints_when_one_value_is_a_megabyte(string field)
    {
        var tenant = await TenantWithOneEndpointAsync("wh-mb");
        var endpoint = Endpoint("hook");
        endpoint[field] = field == "url" ? Url + "/" + new string('u', 1024 * 1024) : new string('m', 1024 * 1024);
        var json = Body(endpoint);

        // A raw socket: the server answers before the megabyte is read and closes, which an HttpClient still writing reports as a broken pipe.
        using var response = await host.SendWithDeclaredLengthAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), Encoding.UTF8.GetByteCount(json), json);

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_answer_413_and_keep_the_endpoints_when_a_chunked_body_runs_past_the_limit()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-chunk");
        var item = Endpoint("hook").ToJsonString();

        using var response = await host.SendChunkedAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), ChunkedRequest.Repeating("{\"endpoints\":[", item, 9L * 1024 * 1024, "]}"));

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_answer_413_before_reading_when_the_declared_length_passes_the_limit()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-declared");

        using var response = await host.SendWithDeclaredLengthAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), MaxSmallBodyBytes + 1, Body(Endpoint("hook", url: Url + "/other")));

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_answer_400_naming_the_body_when_the_declared_length_cuts_the_json_short()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-short");
        var json = Body(Endpoint("hook", url: Url + "/other"));

        using var response = await host.SendWithDeclaredLengthAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), json.Length / 2, json);

        Assert.NotEmpty(await Problems.FieldAsync(response, "$"));
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_answer_408_problem_when_the_body_stops_before_its_declared_length()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-long");
        var json = Body(Endpoint("hook", url: Url + "/other"));

        using var response = await host.SendWithDeclaredLengthAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), json.Length + 1000, json);

        // The server's minimum body data rate ends the wait after its grace period (5 s), not the client's patience.
        await Problems.ReadAsync(response, HttpStatusCode.RequestTimeout);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_answer_413_when_the_test_route_is_sent_a_body()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-test-body");

        using var response = await host.SendJsonAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "webhooks/hook/test"), host.AdminKey, "{\"url\":\"https://evil.example.com\"}");

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    public static TheoryData<string, string> WrongShapes { get; } = new()
    {
        { """{"endpoints":{"id":"hook"}}""", "endpoints" },
        { """{"endpoints":"hook"}""", "endpoints" },
        { """{"endpoints":null}""", "endpoints" },
        { """{}""", "endpoints" },
        { """{"endpoints":[null]}""", "endpoints[0]" },
        { """{"endpoints":[[{"id":"hook"}]]}""", "endpoints[0]" },
        { """{"endpoints":[42]}""", "endpoints[0]" },
        { """[]""", "$" },
        { """null""", "$" },
        { """"endpoints"""", "$" },
        { """{"endpoints":[],"endpoints":[]}""", "$" },
        { """{"endpoints":[{"id":"hook","id":"other"}]}""", "$" },
        { """{"endpoints":[] /* all gone */}""", "$" },
        { """{"endpoints":[],}""", "$" },
        { """{'endpoints':[]}""", "$" },
        { "", "$" },
    };

    [Theory]
    [MemberData(nameof(WrongShapes))]
    public async Task Should_answer_400_naming_the_field_and_keep_the_endpoints_when_the_body_has_the_wrong_shape(string json, string field)
    {
        var tenant = await TenantWithOneEndpointAsync("wh-shape");

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, json);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        await AssertUnchangedAsync(tenant);
    }

    public static TheoryData<string, string> WrongFields { get; } = new()
    {
        { "id", "42" },
        { "id", "[\"hook\"]" },
        { "id", "\"\"" },
        { "id", $"\"{new string('i', 10_000)}\"" },
        { "id", "\"hook\\u0000x\"" },
        { "id", "\"hook\\r\\nX-Injected: 1\"" },
        { "id", "\"../globex-probe\"" },
        { "id", "\"h\u00f6\u00f6k\"" },
        { "url", "42" },
        { "url", "{\"href\":\"https://hooks.example.com\"}" },
        { "url", "\"\"" },
        { "url", $"\"https://hooks.example.com/{new string('u', 3_000)}\"" },
        { "url", "\"https://hooks.example.com/a\\u0000b\"" },
        { "url", "\"https://hooks.example.com/a\\r\\nX-Injected: 1\"" },
        { "url", "\"https://hooks.example.com\\r\\n/a\"" },
        { "url", "\"javascript:alert(1)\"" },
        { "url", "\"file:///etc/passwd\"" },
        { "url", "\"http://hooks.example.com/plain\"" },
        { "url", "\"https://127.0.0.1/\"" },
        { "url", "\"https://user:pass@hooks.example.com/\"" },
        { "secret", "42" },
        { "secret", "[\"0123456789abcdef\"]" },
        { "secret", "\"short\"" },
        { "secret", $"\"{new string('s', 300)}\"" },
        { "secret", "\"0123456789abcdef\\u0000\"" },
        { "secret", "\"0123456789abcdef\\r\\n\"" },
        { "format", "1" },
        { "format", "\"xml\"" },
        { "format", "\"json\\u0000\"" },
        { "events", "\"error.new\"" },
        { "events", "[]" },
        { "events", "[1]" },
        { "events", "[null]" },
        { "events", "[[\"error.new\"]]" },
        { "events", "[\"error.new\",\"error.new\"]" },
        { "events", "[\"error.new\\u0000\"]" },
        { "events", "[\"error.new\\r\\n\"]" },
        { "events", "[\"\u00e9rror.new\"]" },
        { "events", $"[{string.Join(',', Enumerable.Repeat("\"error.new\"", 5_000))}]" },
        { "enabled", "\"yes\"" },
        { "enabled", "1" },
        { "enabled", "[true]" },
    };

    [Theory]
    [MemberData(nameof(WrongFields))]
    public async Task Should_answer_400_naming_the_field_and_keep_the_endpoints_when_a_value_is_wrong(string field, string json)
    {
        var tenant = await TenantWithOneEndpointAsync("wh-field");
        var endpoint = Endpoint("hook", url: Url + "/changed");
        endpoint[field] = JsonNode.Parse(json);

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, Body(endpoint));

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.NotEmpty(await Problems.FieldAsync(response, $"endpoints[0].{field}"));
        Assert.True(body.Length < 4 * 1024, $"The 400 answer is {body.Length} characters long.");
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("id")]
    [InlineData("url")]
    [InlineData("secret")]
    [InlineData("events")]
    [InlineData("enabled")]
    public async Task Should_answer_400_naming_the_field_and_keep_the_endpoints_when_an_endpoint_has_a_key_twice_in_another_case(string field)
    {
        var tenant = await TenantWithOneEndpointAsync("wh-twice");
        var endpoint = Endpoint("hook", url: Url + "/changed").ToJsonString();
        var repeated = endpoint.Replace($"\"{field}\":", $"\"{field.ToUpperInvariant()}\":{Endpoint("other", url: Url + "/smuggled")[field]!.ToJsonString()},\"{field}\":", StringComparison.Ordinal);

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, $"{{\"endpoints\":[{repeated}]}}");

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(field, problem.GetProperty("errors").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("duplicate", problem.GetProperty("errors").GetRawText(), StringComparison.OrdinalIgnoreCase);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_accept_unicode_in_the_url_and_the_secret_and_show_the_url_as_sent()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-unicode");
        var url = "https://b\u00fccher.example.com/\u00e9v\u00e9nements";

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, Body(Endpoint("hook", url: url, secret: "\u043a\u043b\u044e\u0447-0123456789abcdef")));

        var saved = Assert.Single((await Problems.JsonAsync(response)).GetProperty("endpoints").EnumerateArray());
        Assert.Equal(url, saved.GetProperty("url").GetString());
        Assert.Equal(url, Assert.Single(await EndpointsAsync(tenant)).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Should_answer_400_naming_the_count_when_thousands_of_endpoints_are_sent()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-many");
        var json = $"{{\"endpoints\":[{string.Join(',', Enumerable.Repeat("{}", 5_000))}]}}";

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, json);

        Assert.Contains("5000", Assert.Single(await Problems.FieldAsync(response, "endpoints")), StringComparison.Ordinal);
        await AssertUnchangedAsync(tenant);
    }

    [Fact]
    public async Task Should_answer_400_naming_the_repeated_id_and_store_neither_when_two_endpoints_share_an_id()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-same-id");

        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, Body(Endpoint("twin"), Endpoint("twin", url: Url + "/2")));

        Assert.NotEmpty(await Problems.FieldAsync(response, "endpoints[1].id"));
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/xml")]
    [InlineData(null)]
    public async Task Should_answer_415_and_keep_the_endpoints_when_the_body_is_not_sent_as_json(string? contentType)
    {
        var tenant = await TenantWithOneEndpointAsync("wh-type");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Body(Endpoint("hook", url: Url + "/changed"))));
        if (contentType is not null)
        {
            content.Headers.ContentType = new(contentType);
        }

        using var response = await host.SendAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, content);

        await Problems.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        await AssertUnchangedAsync(tenant);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("1e9")]
    [InlineData("1000000000")]
    [InlineData("99999999999999999999")]
    [InlineData("abc")]
    [InlineData("%00")]
    [InlineData("5&limit=6")]
    public async Task Should_answer_400_naming_limit_when_the_deliveries_are_paged_with_junk(string limit)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(ProbedStandalone.Acme, $"webhooks/deliveries?limit={limit}"), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, "limit"));
    }

    [Theory]
    [InlineData("no-such-hook")]
    [InlineData("hook%0D%0AX-Injected:%201")]
    [InlineData("hook%00")]
    [InlineData("..%2F..%2Fglobex-probe%2Fwebhooks%2Fhook")]
    [InlineData("%2E%2E")]
    [InlineData("h%C3%B6%C3%B6k")]
    public async Task Should_answer_404_problem_without_injected_headers_when_the_test_is_asked_for_an_unknown_id(string endpointId)
    {
        var tenant = await TenantWithOneEndpointAsync("wh-unknown");

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, $"webhooks/{endpointId}/test"), host.AdminKey);

        if (response.StatusCode != HttpStatusCode.BadRequest)
        {
            await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        }

        Assert.False(response.Headers.Contains("X-Injected"));
        Assert.False(response.Content.Headers.Contains("X-Injected"));
        Assert.Empty(await DeliveriesAsync(tenant));
    }

    [Fact]
    public async Task Should_answer_a_small_404_problem_when_the_test_is_asked_for_an_id_of_5_000_characters()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-long-id");

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, $"webhooks/{new string('i', 5_000)}/test"), host.AdminKey);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.True(body.Length < 4 * 1024, $"The 404 answer is {body.Length} characters long.");
    }

    [Fact]
    public async Task Should_refuse_a_test_route_of_10_000_characters_with_414_before_any_route_is_matched()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-longer-id");

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, $"webhooks/{new string('i', 10_000)}/test"), host.AdminKey);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Empty(await DeliveriesAsync(tenant));
    }

    [Fact]
    public async Task Should_answer_404_and_send_nothing_when_the_test_names_another_tenants_endpoint()
    {
        var owner = await TenantWithOneEndpointAsync("wh-owner", "owners-hook");
        var thief = await TenantWithOneEndpointAsync("wh-thief");

        using var response = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(thief, "webhooks/owners-hook/test"), host.AdminKey);

        await Problems.ReadAsync(response, HttpStatusCode.NotFound);
        Assert.Empty(await DeliveriesAsync(owner));
        Assert.Empty(await DeliveriesAsync(thief));
    }

    [Fact]
    public async Task Should_answer_429_with_retry_after_to_every_test_beyond_the_tenants_limit()
    {
        var tenant = await TenantWithOneEndpointAsync("wh-flood");

        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < WebhookTestsPerWindow + 5; i++)
        {
            answers.Add(await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "webhooks/hook/test"), host.AdminKey));
        }

        Assert.All(answers.Take(WebhookTestsPerWindow), a => Assert.Equal(HttpStatusCode.Accepted, a.StatusCode));
        foreach (var refused in answers.Skip(WebhookTestsPerWindow))
        {
            await Problems.ReadAsync(refused, HttpStatusCode.TooManyRequests);
            Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, $"Retry-After: {refused.Headers.RetryAfter}");
        }

        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task Should_not_let_an_operators_refused_tests_use_up_the_admins_test_limit()
    {
        var tenant = ProbedStandalone.Globex;
        using (var put = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, Body(Endpoint("globex-hook"))))
        {
            await Problems.JsonAsync(put);
        }

        for (var i = 0; i < WebhookTestsPerWindow + 2; i++)
        {
            using var refused = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "webhooks/globex-hook/test"), host.TenantKeys[tenant]);
            await Problems.ReadAsync(refused, HttpStatusCode.Forbidden);
        }

        using var admin = await host.SendAsync(HttpMethod.Post, ProbedStandalone.TenantPath(tenant, "webhooks/globex-hook/test"), host.AdminKey);

        await Problems.JsonAsync(admin, HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task Should_never_show_nor_log_a_secret_in_any_answer_after_saving_testing_and_refusing_it()
    {
        var tenant = SyncFailures.NewTenant("wh-secret");
        var secret = NewSecret();
        var answers = new List<string>();

        answers.Add(await AnswerAsync(HttpMethod.Put, tenant, "webhooks", Body(Endpoint("hook", secret: secret)), HttpStatusCode.OK));
        answers.Add(await AnswerAsync(HttpMethod.Put, tenant, "webhooks", Body(Endpoint("hook", secret: null), Endpoint("bad", url: "ftp://x", secret: secret)), HttpStatusCode.BadRequest));
        answers.Add(await AnswerAsync(HttpMethod.Put, tenant, "webhooks", Body(Endpoint("hook", secret: secret + "\u0001")), HttpStatusCode.BadRequest));
        answers.Add(await AnswerAsync(HttpMethod.Put, tenant, "webhooks", Body(Endpoint("hook", secret: secret + new string('x', 300))), HttpStatusCode.BadRequest));
        answers.Add(await AnswerAsync(HttpMethod.Put, tenant, "webhooks", $"{{\"endpoints\":[{{\"id\":\"hook\",\"secret\":\"{secret}\\q\"}}]}}", HttpStatusCode.BadRequest));
        answers.Add(await AnswerAsync(HttpMethod.Put, tenant, "webhooks", Body(Endpoint("hook", secret: null, url: Url + "/kept")), HttpStatusCode.OK));
        answers.Add(await AnswerAsync(HttpMethod.Get, tenant, "webhooks", null, HttpStatusCode.OK));
        var delivery = JsonDocument.Parse(await AnswerAsync(HttpMethod.Post, tenant, "webhooks/hook/test", null, HttpStatusCode.Accepted)).RootElement.GetProperty("deliveryId").GetString();
        var deliveries = await Eventually.MatchesAsync(
            () => DeliveriesAsync(tenant),
            list => list.Any(d => d.GetProperty("deliveryId").GetString() == delivery),
            TimeSpan.FromSeconds(60),
            $"the test delivery {delivery} is listed");
        answers.Add(JsonSerializer.Serialize(deliveries));
        answers.Add(await AnswerAsync(HttpMethod.Get, tenant, "audit", null, HttpStatusCode.OK));
        answers.Add(await AnswerAsync(HttpMethod.Get, tenant, "audit/export.csv", null, HttpStatusCode.OK));

        var hook = Assert.Single(await EndpointsAsync(tenant));
        Assert.True(hook.GetProperty("hasSecret").GetBoolean());
        Assert.Equal(Url + "/kept", hook.GetProperty("url").GetString());
        Assert.All(answers, answer => Assert.DoesNotContain(secret, answer, StringComparison.Ordinal));
        Assert.Contains("webhooks.changed", answers[^2], StringComparison.Ordinal);
        Assert.DoesNotContain(secret, host.Server.Output, StringComparison.Ordinal);
    }

    private string? KeyOf(string kind) => kind switch
    {
        "none" => null,
        "wrong" => "not-a-key-" + Guid.NewGuid().ToString("N"),
        "other-tenant" => host.TenantKeys[ProbedStandalone.Globex],
        "other-admin" => host.GlobexAdminKey,
        "operator" => host.TenantKeys[ProbedStandalone.Acme],
        "reader" => host.AcmeReaderKey,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static string NewSecret() => "whsec-" + Guid.NewGuid().ToString("N");

    private static JsonObject Endpoint(string id, string url = Url, string? secret = "0123456789abcdef-secret") => new()
    {
        ["id"] = id,
        ["url"] = url,
        ["secret"] = secret,
        ["format"] = "json",
        ["events"] = new JsonArray("error.new", "error.resolved"),
        ["enabled"] = true,
    };

    private static string Body(params JsonObject[] endpoints) => new JsonObject { ["endpoints"] = new JsonArray([.. endpoints]) }.ToJsonString();

    /// <summary>A new tenant with one endpoint (id <paramref name="id"/>), saved with the admin key.</summary>
    private async Task<string> TenantWithOneEndpointAsync(string name, string id = "hook")
    {
        var tenant = SyncFailures.NewTenant(name);
        using var response = await host.SendJsonAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey, Body(Endpoint(id)));
        Assert.Equal(id, Assert.Single((await Problems.JsonAsync(response)).GetProperty("endpoints").EnumerateArray()).GetProperty("id").GetString());
        return tenant;
    }

    /// <summary>The tenant still has the one endpoint <see cref="TenantWithOneEndpointAsync"/> saved, as it was saved.</summary>
    private async Task AssertUnchangedAsync(string tenant)
    {
        var endpoint = Assert.Single(await EndpointsAsync(tenant));
        Assert.Equal("hook", endpoint.GetProperty("id").GetString());
        Assert.Equal(Url, endpoint.GetProperty("url").GetString());
        Assert.True(endpoint.GetProperty("enabled").GetBoolean());
        Assert.Equal(["error.new", "error.resolved"], endpoint.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
    }

    private async Task<IReadOnlyList<JsonElement>> EndpointsAsync(string tenant)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(tenant, "webhooks"), host.AdminKey);
        return [.. (await Problems.JsonAsync(response)).GetProperty("endpoints").EnumerateArray()];
    }

    private async Task<IReadOnlyList<JsonElement>> DeliveriesAsync(string tenant)
    {
        using var response = await host.GetAsync(ProbedStandalone.TenantPath(tenant, "webhooks/deliveries"), host.AdminKey);
        return [.. (await Problems.JsonAsync(response)).GetProperty("deliveries").EnumerateArray()];
    }

    private async Task<string> AnswerAsync(HttpMethod method, string tenant, string route, string? json, HttpStatusCode status)
    {
        using var response = json is null
            ? await host.SendAsync(method, ProbedStandalone.TenantPath(tenant, route), host.AdminKey)
            : await host.SendJsonAsync(method, ProbedStandalone.TenantPath(tenant, route), host.AdminKey, json);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == status, $"{method} {route}: expected {(int)status}, got {(int)response.StatusCode}: {body}");
        return body;
    }
}

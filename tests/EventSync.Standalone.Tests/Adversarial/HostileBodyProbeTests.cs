using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSync.Contracts;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Standalone.Tests.Adversarial;

/// <summary>
/// What a hostile or careless engine sends to <c>POST /api/failures</c> of the real process: bodies without a length,
/// bodies without a key, thousands of bad events, values longer than the wire allows or of the wrong type, events too
/// large for the bus and JSON nested beyond reason. Each is refused with a problem naming what is wrong, and small.
/// </summary>
public sealed class HostileBodyProbeTests(ProbedStandalone host) : IClassFixture<ProbedStandalone>
{
    private const long MaxIngestionBytes = 4 * 1024 * 1024;
    private const long MaxSmallBodyBytes = 64 * 1024;

    [Fact]
    public async Task Should_answer_413_problem_naming_the_limit_when_a_chunked_failure_report_passes_4_MiB()
    {
        var tenant = SyncFailures.NewTenant("chunked");
        var failure = Json(Event(tenant));

        using var response = await host.SendChunkedAsync(HttpMethod.Post, "/api/failures", ChunkedRequest.Repeating("[", failure, (long)(5.2 * 1024 * 1024), "]"));

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(MaxIngestionBytes.ToString(CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await host.ErrorsAfterSentinelAsync(tenant));
    }

    // A body that does not say it is JSON is not read as JSON, on every route that reads one (before, only the webhooks
    // route refused it; the others stored it).
    [Theory]
    [InlineData("PUT", "notification-settings", """{"enabled":true,"frequency":"daily","recipients":["ops@example.com"]}""")]
    [InlineData("PUT", "api-allocation", """{"allocatedToHubSpot":5000}""")]
    [InlineData("PUT", "links", """{"hubSpotPortalId":"4712"}""")]
    [InlineData("PUT", "webhooks", """{"endpoints":[]}""")]
    [InlineData("POST", "resync", """{"errorIds":["e-1"]}""")]
    [InlineData("POST", "resync-all", """{"errorType":"invalid-email"}""")]
    [InlineData("POST", "views", """{"errorType":"invalid-email"}""")]
    [InlineData("POST", "errors/ignore", """{"errorIds":["e-1"]}""")]
    [InlineData("POST", "errors/restore", """{"errorIds":["e-1"]}""")]
    [InlineData("PUT", "errors/assignee", """{"errorIds":["e-1"],"assignee":"ada"}""")]
    public async Task Should_answer_415_problem_when_a_json_route_is_sent_a_body_without_a_content_type(string method, string route, string json)
    {
        var tenant = SyncFailures.NewTenant("no-content-type");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(json));

        using var response = await host.SendAsync(new HttpMethod(method), ProbedStandalone.TenantPath(tenant, route), host.AdminKey, content);

        await Problems.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await host.ErrorsAfterSentinelAsync(tenant));
    }

    [Fact]
    public async Task Should_answer_415_problem_when_failures_are_posted_without_a_content_type()
    {
        var tenant = SyncFailures.NewTenant("no-content-type-failures");
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(Json(Event(tenant))));

        using var response = await host.SendAsync(HttpMethod.Post, "/api/failures", host.AdminKey, content);

        await Problems.ReadAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Empty(await host.ErrorsAfterSentinelAsync(tenant));
    }

    [Fact]
    public async Task Should_answer_413_problem_not_500_when_a_chunked_body_passes_the_servers_cap()
    {
        using var response = await host.SendChunkedAsync(HttpMethod.Post, "/api/failures", ChunkedRequest.Repeating("[", "{}", 9L * 1024 * 1024, "]"));

        await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Should_answer_413_problem_and_keep_the_defaults_when_chunked_notification_settings_pass_64_KiB()
    {
        var tenant = SyncFailures.NewTenant("chunked-settings");
        var body = ChunkedRequest.Repeating("{\"enabled\":true,\"frequency\":\"daily\",\"recipients\":[", "\"ops@example.com\"", 3_000_000, "]}");

        using var response = await host.SendChunkedAsync(HttpMethod.Put, ProbedStandalone.TenantPath(tenant, "notification-settings"), body);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains(MaxSmallBodyBytes.ToString(CultureInfo.InvariantCulture), problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        using var settings = await host.GetAsync(ProbedStandalone.TenantPath(tenant, "notification-settings"), host.AdminKey);
        var saved = await Problems.JsonAsync(settings);
        Assert.False(saved.GetProperty("enabled").GetBoolean());
        Assert.Empty(saved.GetProperty("recipients").EnumerateArray());
    }

    [Fact]
    public async Task Should_answer_a_small_401_problem_when_a_large_invalid_body_comes_without_a_key()
    {
        var junk = "[" + string.Join(',', Enumerable.Repeat("{\"eventId\":1}", 520_000 / 14)) + "]";

        using var response = await host.PostFailuresAsync(junk, key: null);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
        Assert.True(Encoding.UTF8.GetByteCount(body) < 4 * 1024, $"The 401 answer is {body.Length} characters long.");
    }

    [Fact]
    public async Task Should_list_20_problems_and_count_the_rest_in_a_small_answer_when_1000_events_have_no_event_id()
    {
        var tenant = SyncFailures.NewTenant("no-event-id");
        var events = new JsonArray([.. Enumerable.Range(0, 1000).Select(i => (JsonNode)Event(tenant, e => e.Remove("eventId"), $"hs-{i}"))]);

        using var response = await host.PostFailuresAsync(events.ToJsonString(), host.AdminKey);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        var listed = problem.GetProperty("errors").EnumerateObject().Sum(p => p.Value.GetArrayLength());
        Assert.InRange(listed, 1, 20);
        Assert.Equal(1000 - listed, problem.GetProperty("omittedErrors").GetInt32());
        Assert.All(problem.GetProperty("errors").EnumerateObject(), p => Assert.EndsWith("].eventId", p.Name, StringComparison.Ordinal));
        Assert.True(Encoding.UTF8.GetByteCount(body) < 64 * 1024, $"The 400 answer is {body.Length} characters long.");
    }

    [Theory]
    [InlineData("hubSpotId", 2_000)]
    [InlineData("eventId", 100_000)]
    [InlineData("salesforceId", 256)]
    [InlineData("engineId", 256)]
    [InlineData("objectType", 256)]
    public async Task Should_answer_400_naming_the_field_and_not_echo_it_when_a_value_is_longer_than_the_wire_allows(string field, int length)
    {
        var tenant = SyncFailures.NewTenant("too-long");

        using var response = await host.PostFailuresAsync(Json(Event(tenant, e => e[field] = new string('x', length))), host.AdminKey);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains(length.ToString(CultureInfo.InvariantCulture), Assert.Single(await Problems.FieldAsync(response, field)), StringComparison.Ordinal);
        Assert.True(body.Length < 4 * 1024, $"The 400 answer is {body.Length} characters long.");
    }

    [Fact]
    public async Task Should_accept_and_show_an_event_whose_ids_names_and_message_are_exactly_at_the_wire_maximum()
    {
        var tenant = ("max-" + Guid.NewGuid().ToString("N")).PadRight(WireLimits.MaxTenantIdLength, 't');
        var eventId = new string('e', WireLimits.MaxIdLength);
        var hubSpotId = new string('7', WireLimits.MaxIdLength);
        var salesforceId = new string('s', WireLimits.MaxIdLength);
        var message = "Email: invalid email address " + new string('m', WireLimits.MaxMessageLength - 29);
        var failure = SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail with { Message = message }) with
        {
            EventId = eventId,
            SalesforceId = salesforceId,
            EngineId = new string('n', WireLimits.MaxIdLength),
        };

        var error = Assert.Single(await host.SeedAsync(tenant, [failure], expectedErrors: 1));
        using var detailResponse = await host.GetAsync(ProbedStandalone.TenantPath(tenant, $"errors/{error.GetProperty("id").GetString()}"), host.AdminKey);
        var detail = await Problems.JsonAsync(detailResponse);

        Assert.Equal(WireLimits.MaxTenantIdLength, tenant.Length);
        Assert.Equal(hubSpotId, error.GetProperty("hubSpotId").GetString());
        Assert.Equal(salesforceId, error.GetProperty("salesforceId").GetString());
        Assert.Equal(message, error.GetProperty("message").GetString());
        Assert.Equal(eventId, Assert.Single(detail.GetProperty("history").EnumerateArray()).GetProperty("eventId").GetString());
        Assert.Equal(message, Assert.Single(detail.GetProperty("rawErrors").EnumerateArray()).GetProperty("message").GetString());
    }

    public static TheoryData<string, string> WrongValues { get; } = new()
    {
        { "eventId", "12345" },
        { "occurredAt", "-1" },
        { "occurredAt", "\"0001-01-01T00:00:00Z\"" },
        { "occurredAt", "\"9999-12-31T23:59:59Z\"" },
        { "tenantId", "\"acme \"" },
        { "tenantId", $"\"{new string('a', 5_000)}\"" },
        { "tenantId", "\"\u0430cme\"" },
        { "tenantId", "\"../../etc\"" },
        { "eventId", "\"evt\\n2\"" },
        { "hubSpotId", "\"12\\n34\"" },
        { "engineId", "\"sf-sync\\u0000eu\"" },
        { "errors", "[]" },
        { "errors", "\"INVALID_EMAIL_ADDRESS\"" },
        { "source", "\"salesforce\\r\\nX-Forged: 1\"" },
        { "direction", "\"toSalesforce\\u0000\"" },
        { "source", $"\"salesforce{new string('x', 100_000)}\"" },
    };

    [Theory]
    [MemberData(nameof(WrongValues))]
    public async Task Should_answer_400_naming_the_field_when_a_value_has_the_wrong_type_time_or_characters(string field, string json)
    {
        var tenant = SyncFailures.NewTenant("wrong-value");

        using var response = await host.PostFailuresAsync(Json(Event(tenant, e => e[field] = JsonNode.Parse(json))), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
    }

    [Theory]
    [InlineData("tenantId")]
    [InlineData("TenantID")]
    public async Task Should_answer_400_naming_the_repeated_key_when_an_event_has_a_key_twice(string repeatedAs)
    {
        var tenant = SyncFailures.NewTenant("repeated-key");
        var json = Json(Event(tenant));
        var repeated = json.Replace("\"tenantId\":", $"\"{repeatedAs}\":\"{ProbedStandalone.Globex}\",\"tenantId\":", StringComparison.Ordinal);

        using var response = await host.PostFailuresAsync(repeated, host.AdminKey);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("tenantId", problem.GetProperty("errors").GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("duplicate", problem.GetProperty("errors").GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_answer_413_naming_the_event_and_store_none_when_one_event_is_larger_than_the_bus_carries()
    {
        var tenant = SyncFailures.NewTenant("oversized");
        var small = SyncFailures.ToSalesforce(tenant, "small", SyncFailures.InvalidEmail);
        var large = SyncFailures.ToSalesforce(tenant, "large", SyncFailures.InvalidEmail) with
        {
            Errors = [.. Enumerable.Range(0, 70).Select(i => SyncFailures.ValidationRule with { Message = $"{i}: " + new string('v', 4_000) })],
        };

        using var response = await host.PostFailuresAsync([small, large], host.AdminKey);

        var problem = await Problems.ReadAsync(response, HttpStatusCode.RequestEntityTooLarge);
        var named = Assert.Single(problem.GetProperty("errors").EnumerateObject());
        Assert.Equal("[1]", named.Name);
        Assert.Empty(await host.ErrorsAfterSentinelAsync(tenant));
    }

    [Theory]
    [InlineData(10_000)]
    [InlineData(40)]
    public async Task Should_answer_400_naming_the_body_when_json_is_nested_deeper_than_any_event(int depth)
    {
        var nested = new string('[', depth) + new string(']', depth);
        var json = Json(Event(SyncFailures.NewTenant("deep"))).Replace("\"errors\":", $"\"deep\":{nested},\"errors\":", StringComparison.Ordinal);

        using var response = await host.PostFailuresAsync(json, host.AdminKey);

        Assert.Contains("depth", Assert.Single(await Problems.FieldAsync(response, "$")), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Should_answer_400_naming_the_field_when_its_value_is_not_utf8()
    {
        var tenant = SyncFailures.NewTenant("latin1");
        var json = Encoding.UTF8.GetBytes(Json(Event(tenant, hubSpotId: "hs-MARKER")));
        var marker = json.AsSpan().IndexOf("MARKER"u8);
        json[marker] = 0xFF;
        json[marker + 1] = 0xFE;
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new("application/json");

        using var response = await host.SendAsync(HttpMethod.Post, "/api/failures", host.AdminKey, content);

        Assert.NotEmpty(await Problems.FieldAsync(response, "hubSpotId"));
    }

    private static JsonObject Event(string tenant, Action<JsonObject>? change = null, string hubSpotId = "701")
    {
        var node = JsonSerializer.SerializeToNode(SyncFailures.ToSalesforce(tenant, hubSpotId, SyncFailures.InvalidEmail), ContractJson.Options)!.AsObject();
        change?.Invoke(node);
        return node;
    }

    private static string Json(JsonObject node) => node.ToJsonString();
}

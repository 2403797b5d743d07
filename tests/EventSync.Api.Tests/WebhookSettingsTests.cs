using System.Net;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Core.Webhooks;
using EventSync.Testing;
using EventSync.Testing.Http;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>GET/PUT /api/tenants/{t}/webhooks</c>: admins replace the endpoints; the secret is never shown again and is kept
/// when omitted; every refusal names the field; readers and operators are refused, other tenants' keys find nothing.
/// </summary>
public sealed class WebhookSettingsTests(AuditApiHost host) : IClassFixture<AuditApiHost>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_list_no_endpoints_when_the_tenant_saved_none()
    {
        using var response = await host.GetAsync(TenantErrors.Path(SyncFailures.NewTenant("hooks-none"), "webhooks"), host.AdaKey);

        var body = await Problems.JsonAsync(response);
        Assert.Equal(["endpoints"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal(0, body.GetProperty("endpoints").GetArrayLength());
    }

    [Fact]
    public async Task Should_show_the_saved_endpoints_with_has_secret_and_never_the_secret_when_they_are_read_back()
    {
        var tenant = SyncFailures.NewTenant("hooks-saved");

        var saved = await host.SaveAsync(
            tenant, host.AdaKey,
            WebhookBodies.Endpoint("ops", events: ["error.new", "error.resolved"]),
            WebhookBodies.Endpoint("slack_1", "https://hooks.slack.example/services/T1/B2", format: "slack", events: ["digest"], enabled: false));
        using var read = await host.GetAsync(TenantErrors.Path(tenant, "webhooks"), host.AdaKey);

        var text = await read.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(WebhookBodies.Secret, text, StringComparison.Ordinal);
        var endpoints = (await Problems.JsonAsync(read)).GetProperty("endpoints").EnumerateArray().ToList();
        Assert.Equal(saved.Select(e => e.GetRawText()), endpoints.Select(e => e.GetRawText()));
        Assert.Equal(["enabled", "events", "format", "hasSecret", "id", "url"], endpoints[0].EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(("ops", "https://hooks.example.com/eventsync", "json", true, true), Summary(endpoints[0]));
        Assert.Equal(["error.new", "error.resolved"], endpoints[0].GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(("slack_1", "https://hooks.slack.example/services/T1/B2", "slack", false, true), Summary(endpoints[1]));
    }

    [Fact]
    public async Task Should_keep_the_stored_secret_when_an_existing_endpoint_is_saved_without_one()
    {
        var tenant = SyncFailures.NewTenant("hooks-keep");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops"));

        var saved = await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops", "https://hooks.example.com/v2", secret: null, events: ["resync.completed"]));

        Assert.True(Assert.Single(saved).GetProperty("hasSecret").GetBoolean());
        var stored = Assert.Single(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(tenant, Ct));
        Assert.Equal(("https://hooks.example.com/v2", WebhookBodies.Secret, "resync.completed"), (stored.Url, stored.Secret, Assert.Single(stored.Events)));
    }

    [Fact]
    public async Task Should_replace_the_secret_when_a_new_one_is_sent_and_enable_the_endpoint_when_enabled_is_left_out()
    {
        var tenant = SyncFailures.NewTenant("hooks-rotate");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops", enabled: false));
        const string rotated = "another-secret-0123456789abcdef";

        using var response = await host.SendRawAsync(
            HttpMethod.Put, TenantErrors.Path(tenant, "webhooks"), host.AdaKey,
            $$"""{"endpoints":[{"id":"ops","url":"https://hooks.example.com/eventsync","secret":"{{rotated}}","format":"json","events":["digest"]}]}""");

        Assert.True((await Problems.JsonAsync(response)).GetProperty("endpoints")[0].GetProperty("enabled").GetBoolean());
        var stored = Assert.Single(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(tenant, Ct));
        Assert.Equal((rotated, true), (stored.Secret, stored.Enabled));
    }

    [Fact]
    public async Task Should_remove_every_endpoint_when_the_list_is_empty()
    {
        var tenant = SyncFailures.NewTenant("hooks-clear");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops"));

        var saved = await host.SaveAsync(tenant, host.AdaKey);

        Assert.Empty(saved);
        Assert.Empty(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(tenant, Ct));
    }

    [Fact]
    public async Task Should_record_the_change_in_the_audit_trail_with_the_keys_name_and_without_the_secret()
    {
        var tenant = SyncFailures.NewTenant("hooks-audit");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops"));
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops", "https://hooks.example.com/v2", secret: null));

        using var audit = await host.GetAsync(TenantErrors.Path(tenant, "audit?action=webhooks.changed"), host.AdaKey);

        var text = await audit.Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain(WebhookBodies.Secret, text, StringComparison.Ordinal);
        var entries = (await Problems.JsonAsync(audit)).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(("ada", "webhooks.changed"), (e.GetProperty("principal").GetString(), e.GetProperty("action").GetString())));
        Assert.Equal("https://hooks.example.com/eventsync", entries[0].GetProperty("before").GetProperty("endpoints")[0].GetProperty("url").GetString());
        Assert.Equal("https://hooks.example.com/v2", entries[0].GetProperty("after").GetProperty("endpoints")[0].GetProperty("url").GetString());
        Assert.Equal(0, entries[1].GetProperty("before").GetProperty("endpoints").GetArrayLength());
    }

    public static TheoryData<string, string, string> InvalidEndpoints { get; } = new()
    {
        { "endpoints[0].url", "url", "not a url" },
        { "endpoints[0].url", "url", "ftp://hooks.example.com/x" },
        { "endpoints[0].url", "url", "http://hooks.example.com/x" },
        { "endpoints[0].url", "url", "https://127.0.0.1/hook" },
        { "endpoints[0].url", "url", "https://10.1.2.3/hook" },
        { "endpoints[0].url", "url", "https://169.254.169.254/latest" },
        { "endpoints[0].url", "url", "https://[::1]/hook" },
        { "endpoints[0].url", "url", "https://[::ffff:127.0.0.1]/hook" },
        { "endpoints[0].url", "url", "https://[fd00::1]/hook" },
        { "endpoints[0].url", "url", "https://2130706433/hook" },
        { "endpoints[0].url", "url", "https://192.168.0.10/hook" },
        { "endpoints[0].url", "url", "https://api.localhost./hook" },
        { "endpoints[0].url", "url", "https://224.0.0.1/hook" },
        { "endpoints[0].url", "url", "https://[64:ff9b::7f00:1]/hook" },
        { "endpoints[0].url", "url", "https://localhost:8443/hook" },
        { "endpoints[0].url", "url", "https://user:pass@hooks.example.com/x" },
        { "endpoints[0].url", "url", "https://hooks.example.com/" + new string('a', 2048) },
        { "endpoints[0].events", "events", "[\"error.exploded\"]" },
        { "endpoints[0].events", "events", "[\"webhook.test\"]" },
        { "endpoints[0].events", "events", "[]" },
        { "endpoints[0].events", "events", "[\"digest\",\"digest\"]" },
        { "endpoints[0].format", "format", "xml" },
        { "endpoints[0].secret", "secret", "too-short" },
        { "endpoints[0].id", "id", "has space" },
        { "endpoints[0].id", "id", "" },
        { "endpoints[0].id", "id", new string('x', 65) },
        { "endpoints[0].enabled", "enabled", "\"yes\"" },
    };

    [Theory]
    [MemberData(nameof(InvalidEndpoints))]
    public async Task Should_answer_400_naming_the_field_and_save_nothing_when_an_endpoint_is_not_valid(string field, string property, string value)
    {
        var tenant = SyncFailures.NewTenant("hooks-invalid");
        var endpoint = WebhookBodies.Endpoint("ops");
        endpoint[property] = property is "events" or "enabled" ? JsonDocument.Parse(value).RootElement.Clone() : value;

        using var response = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "webhooks"), host.AdaKey, WebhookBodies.Body(endpoint));

        var messages = await Problems.FieldAsync(response, field);
        Assert.NotEmpty(messages);
        Assert.All(messages, m => Assert.DoesNotContain(WebhookBodies.Secret, m, StringComparison.Ordinal));
        Assert.Empty(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(tenant, Ct));
    }

    [Theory]
    [InlineData("https://93.184.216.34/hook")]
    [InlineData("https://[2606:4700::1111]/hook")]
    [InlineData("https://hooks.slack.com/services/T000/B000/XXXX")]
    [InlineData("https://172.32.0.1:8443/hook")]
    public async Task Should_accept_an_https_address_of_a_public_host(string url)
    {
        var saved = await host.SaveAsync(SyncFailures.NewTenant("hooks-public"), host.AdaKey, WebhookBodies.Endpoint("ops", url));

        Assert.Equal(url, Assert.Single(saved).GetProperty("url").GetString());
    }

    [Fact]
    public async Task Should_name_the_second_endpoints_id_when_two_endpoints_share_it()
    {
        using var response = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(SyncFailures.NewTenant("hooks-dup"), "webhooks"), host.AdaKey, WebhookBodies.Body(WebhookBodies.Endpoint("ops"), WebhookBodies.Endpoint("ops")));

        Assert.Contains("\"ops\"", Assert.Single(await Problems.FieldAsync(response, "endpoints[1].id")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_require_a_secret_for_a_new_endpoint_even_when_others_have_one()
    {
        var tenant = SyncFailures.NewTenant("hooks-new-secret");
        await host.SaveAsync(tenant, host.AdaKey, WebhookBodies.Endpoint("ops"));

        using var response = await host.SendAsync(
            HttpMethod.Put, TenantErrors.Path(tenant, "webhooks"), host.AdaKey, WebhookBodies.Body(WebhookBodies.Endpoint("ops", secret: null), WebhookBodies.Endpoint("new", secret: null)));

        Assert.Contains("16", Assert.Single(await Problems.FieldAsync(response, "endpoints[1].secret")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_refuse_more_than_ten_endpoints_naming_the_list()
    {
        var eleven = Enumerable.Range(1, 11).Select(i => WebhookBodies.Endpoint($"hook-{i}")).ToArray();

        using var response = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(SyncFailures.NewTenant("hooks-eleven"), "webhooks"), host.AdaKey, WebhookBodies.Body(eleven));

        Assert.Contains("10", Assert.Single(await Problems.FieldAsync(response, "endpoints")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_answer_in_polish_when_the_request_asks_for_it()
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, TenantErrors.Path(SyncFailures.NewTenant("hooks-pl"), "webhooks"))
        {
            Content = System.Net.Http.Json.JsonContent.Create(WebhookBodies.Body(WebhookBodies.Endpoint("ops", "https://localhost/x"))),
        };
        request.Headers.Add(ApiHost.ApiKeyHeader, host.AdaKey);
        request.Headers.AcceptLanguage.ParseAdd("pl");

        using var response = await host.Http.SendAsync(request, Ct);

        Assert.Contains("prywatny", Assert.Single(await Problems.FieldAsync(response, "endpoints[0].url")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("PUT")]
    public async Task Should_answer_403_when_a_reader_or_an_operator_reads_or_changes_the_webhooks(string method)
    {
        var tenant = SyncFailures.NewTenant("hooks-roles");

        foreach (var key in new[] { host.RitaKey, host.OttoKey })
        {
            using var response = await host.SendAsync(new HttpMethod(method), TenantErrors.Path(tenant, "webhooks"), key, method == "PUT" ? WebhookBodies.Body(WebhookBodies.Endpoint("ops")) : null);

            Assert.Contains("needs admin", (await Problems.ReadAsync(response, HttpStatusCode.Forbidden)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Empty(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(tenant, Ct));
    }

    [Fact]
    public async Task Should_answer_401_without_a_key_and_404_with_another_tenants_key()
    {
        using var none = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(ApiHost.Globex, "webhooks"), key: null, WebhookBodies.Body(WebhookBodies.Endpoint("ops")));
        using var other = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(ApiHost.Globex, "webhooks"), host.TenantKeys[ApiHost.Acme], WebhookBodies.Body(WebhookBodies.Endpoint("ops")));
        using var otherRead = await host.GetAsync(TenantErrors.Path(ApiHost.Globex, "webhooks"), host.TenantKeys[ApiHost.Acme]);

        await Problems.ReadAsync(none, HttpStatusCode.Unauthorized);
        await Problems.ReadAsync(other, HttpStatusCode.NotFound);
        await Problems.ReadAsync(otherRead, HttpStatusCode.NotFound);
        Assert.Empty(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(ApiHost.Globex, Ct));
    }

    private static (string?, string?, string?, bool, bool) Summary(JsonElement endpoint) =>
        (endpoint.GetProperty("id").GetString(), endpoint.GetProperty("url").GetString(), endpoint.GetProperty("format").GetString(),
            endpoint.GetProperty("enabled").GetBoolean(), endpoint.GetProperty("hasSecret").GetBoolean());
}

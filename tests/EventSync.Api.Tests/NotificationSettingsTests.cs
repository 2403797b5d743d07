using EventSync.Api.Queries;
using EventSync.Api.Settings;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>GET</c> and <c>PUT /api/tenants/{t}/notification-settings</c>: defaults, round trip and validation.</summary>
public sealed class NotificationSettingsTests(ApiHost host)
{
    [Fact]
    public async Task Should_answer_the_defaults_when_the_tenant_saved_nothing()
    {
        var tenant = SyncFailures.NewTenant("settings-defaults");

        using var response = await host.GetAsync(TenantErrors.Path(tenant, "notification-settings"), host.AdminKey);

        var settings = await Problems.JsonAsync(response);
        Assert.False(settings.GetProperty("enabled").GetBoolean());
        Assert.Equal("daily", settings.GetProperty("frequency").GetString());
        Assert.Empty(settings.GetProperty("recipients").EnumerateArray());
        Assert.Equal(("UTC", "en"), (settings.GetProperty("timeZone").GetString(), settings.GetProperty("language").GetString()));
    }

    [Fact]
    public async Task Should_store_and_answer_the_settings_when_they_are_valid()
    {
        var tenant = SyncFailures.NewTenant("settings-round-trip");
        var body = new { enabled = true, frequency = "weekly", recipients = new[] { "ops@example.com", "anna.nowak@example.pl" }, timeZone = "Europe/Warsaw", language = "pl" };

        using var put = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "notification-settings"), host.AdminKey, body);
        using var get = await host.GetAsync(TenantErrors.Path(tenant, "notification-settings"), host.AdminKey);

        foreach (var settings in new[] { await Problems.JsonAsync(put), await Problems.JsonAsync(get) })
        {
            Assert.True(settings.GetProperty("enabled").GetBoolean());
            Assert.Equal("weekly", settings.GetProperty("frequency").GetString());
            Assert.Equal(body.recipients, settings.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
            Assert.Equal(("Europe/Warsaw", "pl"), (settings.GetProperty("timeZone").GetString(), settings.GetProperty("language").GetString()));
        }
    }

    [Fact]
    public async Task Should_take_utc_and_english_when_time_zone_and_language_are_left_out()
    {
        var tenant = SyncFailures.NewTenant("settings-optional");

        using var put = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "notification-settings"), host.AdminKey, new { enabled = false, frequency = "immediate", recipients = Array.Empty<string>() });

        var settings = await Problems.JsonAsync(put);
        Assert.Equal(("immediate", "UTC", "en"), (settings.GetProperty("frequency").GetString(), settings.GetProperty("timeZone").GetString(), settings.GetProperty("language").GetString()));
    }

    public static TheoryData<string, string> InvalidBodies { get; } = new()
    {
        { """{"enabled":true,"frequency":"hourly","recipients":["a@example.com"]}""", "frequency" },
        { """{"enabled":true,"recipients":["a@example.com"]}""", "frequency" },
        { """{"enabled":true,"frequency":7,"recipients":["a@example.com"]}""", "frequency" },
        { """{"frequency":"daily","recipients":[]}""", "enabled" },
        { """{"enabled":"yes","frequency":"daily","recipients":[]}""", "enabled" },
        { """{"enabled":true,"frequency":"daily","recipients":[]}""", "recipients" },
        { """{"enabled":true,"frequency":"daily"}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":"a@example.com"}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":["not an address"]}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":["Anna <anna@example.com>"]}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":[42]}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":["a@localhost"]}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":["a@[127.0.0.1]"]}""", "recipients" },
        { """{"enabled":true,"frequency":"daily","recipients":["a@10.0.0.1"]}""", "recipients" },
        { $"{{\"enabled\":true,\"frequency\":\"daily\",\"recipients\":[\"{new string('a', 65)}@example.com\"]}}", "recipients" },
        { $"{{\"enabled\":true,\"frequency\":\"daily\",\"recipients\":[\"{new string('a', 300)}@{new string('b', 300)}.com\"]}}", "recipients" },
        { $"{{\"enabled\":true,\"frequency\":\"daily\",\"recipients\":[\"a@{string.Join('.', Enumerable.Repeat(new string('b', 50), 5))}.com\"]}}", "recipients" },
        { """{"enabled":false,"frequency":"daily","recipients":[],"timeZone":"Mars/Olympus_Mons"}""", "timeZone" },
        { """{"enabled":false,"frequency":"daily","recipients":[],"language":"de"}""", "language" },
        { """{"enabled":false,"frequency":"daily",""", "$" },
        { """["daily"]""", "$" },
    };

    [Theory]
    [MemberData(nameof(InvalidBodies))]
    public async Task Should_answer_400_naming_the_field_and_keep_the_settings_when_a_field_is_invalid(string json, string field)
    {
        var tenant = SyncFailures.NewTenant("settings-invalid");

        using var response = await host.SendRawAsync(HttpMethod.Put, TenantErrors.Path(tenant, "notification-settings"), host.AdminKey, json);
        using var after = await host.GetAsync(TenantErrors.Path(tenant, "notification-settings"), host.AdminKey);

        Assert.NotEmpty(await Problems.FieldAsync(response, field));
        Assert.False((await Problems.JsonAsync(after)).GetProperty("enabled").GetBoolean());
    }

    [Fact]
    public async Task Should_answer_400_when_more_than_twenty_recipients_are_named()
    {
        var recipients = Enumerable.Range(1, 21).Select(i => $"ops{i}@example.com").ToArray();

        using var response = await host.SendAsync(
            HttpMethod.Put,
            TenantErrors.Path(SyncFailures.NewTenant("settings-many"), "notification-settings"),
            host.AdminKey,
            new { enabled = true, frequency = "daily", recipients });

        Assert.Contains("20", Assert.Single(await Problems.FieldAsync(response, "recipients")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_accept_twenty_recipients()
    {
        var recipients = Enumerable.Range(1, 20).Select(i => $"ops{i}@example.com").ToArray();

        using var response = await host.SendAsync(
            HttpMethod.Put,
            TenantErrors.Path(SyncFailures.NewTenant("settings-twenty"), "notification-settings"),
            host.AdminKey,
            new { enabled = true, frequency = "daily", recipients });

        Assert.Equal(20, (await Problems.JsonAsync(response)).GetProperty("recipients").GetArrayLength());
    }

    [Fact]
    public async Task Should_refuse_naming_recipients_without_reading_them_when_more_than_a_hundred_entries_are_sent()
    {
        var recipients = Enumerable.Repeat("x", 5000).ToArray();

        using var response = await host.SendAsync(
            HttpMethod.Put,
            TenantErrors.Path(SyncFailures.NewTenant("settings-entries"), "notification-settings"),
            host.AdminKey,
            new { enabled = true, frequency = "daily", recipients });

        var message = Assert.Single(await Problems.FieldAsync(response, "recipients"));
        Assert.Contains($"At most {NotificationSettingsReader.MaxRecipientEntries} entries", message, StringComparison.Ordinal);
        Assert.Contains("5000", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_list_twenty_problems_and_count_the_rest_when_a_hundred_recipients_are_invalid()
    {
        var recipients = Enumerable.Range(1, NotificationSettingsReader.MaxRecipientEntries).Select(i => $"not-an-address-{i}").ToArray();

        using var response = await host.SendAsync(
            HttpMethod.Put,
            TenantErrors.Path(SyncFailures.NewTenant("settings-invalid"), "notification-settings"),
            host.AdminKey,
            new { enabled = true, frequency = "daily", recipients });

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(ValidationProblems.MaxListed, (await Problems.FieldAsync(response, "recipients")).Count);
        var problem = System.Text.Json.JsonDocument.Parse(body).RootElement;
        Assert.Equal(NotificationSettingsReader.MaxRecipientEntries - ValidationProblems.MaxListed, problem.GetProperty(ValidationProblems.OmittedMember).GetInt32());
    }

    [Fact]
    public async Task Should_accept_a_recipient_when_its_local_part_and_whole_length_are_at_their_maximum()
    {
        var recipient = $"{new string('a', 64)}@{new string('b', 63)}.{new string('c', 60)}.{new string('d', 60)}.com";
        Assert.Equal(254, recipient.Length);

        using var response = await host.SendAsync(
            HttpMethod.Put,
            TenantErrors.Path(SyncFailures.NewTenant("settings-longest"), "notification-settings"),
            host.AdminKey,
            new { enabled = true, frequency = "daily", recipients = new[] { recipient } });

        Assert.Equal([recipient], (await Problems.JsonAsync(response)).GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public async Task Should_refuse_naming_the_body_when_a_key_is_sent_twice()
    {
        using var response = await host.SendRawAsync(
            HttpMethod.Put,
            TenantErrors.Path(SyncFailures.NewTenant("settings-twice"), "notification-settings"),
            host.AdminKey,
            """{"enabled":true,"frequency":"daily","recipients":["ops@example.com"],"recipients":["attacker@example.net"]}""");

        var message = Assert.Single(await Problems.FieldAsync(response, "$"));
        Assert.Contains("recipients", message, StringComparison.Ordinal);
    }
}

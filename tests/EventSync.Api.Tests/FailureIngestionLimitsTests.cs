using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary><c>POST /api/failures</c> refuses lax or oversized input with a problem that names the field; nothing is published.</summary>
public sealed class FailureIngestionLimitsTests(ApiHost host)
{
    public static TheoryData<string, string, string> LaxEvents { get; } = new()
    {
        { "eventId", "42", "eventId" },
        { "tenantId", "4711", "tenantId" },
        { "tenantId", "\"acme-eu \"", "tenantId" },
        { "tenantId", $"\"{new string('t', 5_000)}\"", "tenantId" },
        { "eventId", $"\"{new string('e', 100_000)}\"", "eventId" },
        { "hubSpotId", "\"701\\n[10:15:00 ERR] forged\"", "hubSpotId" },
        { "occurredAt", "-1", "occurredAt" },
        { "occurredAt", "\"0001-01-01T00:00:00Z\"", "occurredAt" },
        { "occurredAt", "\"9999-12-31T23:59:59Z\"", "occurredAt" },
    };

    [Theory]
    [MemberData(nameof(LaxEvents))]
    public async Task Should_answer_400_naming_the_field_when_the_event_is_lax(string member, string value, string field)
    {
        var failure = Event();
        failure[member] = JsonNode.Parse(value);

        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, failure.ToJsonString());

        var messages = await Problems.FieldAsync(response, field);
        Assert.All(messages, m => Assert.True(m.Length < 400, $"The problem quotes too much: {m.Length} characters."));
    }

    [Fact]
    public async Task Should_answer_400_naming_the_error_field_when_a_message_is_one_character_over_its_maximum()
    {
        var failure = Event();
        failure["errors"]![0]!["message"] = new string('m', WireLimits.MaxMessageLength + 1);

        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, failure.ToJsonString());

        Assert.Contains($"at most {WireLimits.MaxMessageLength}", Assert.Single(await Problems.FieldAsync(response, "errors[0].message")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_accept_the_event_when_its_tenant_id_and_message_are_exactly_at_their_maximum()
    {
        var failure = Event();
        failure["tenantId"] = "t" + new string('0', WireLimits.MaxTenantIdLength - 1);
        failure["errors"]![0]!["message"] = new string('m', WireLimits.MaxMessageLength);

        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, failure.ToJsonString());

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("tenantId")]
    public async Task Should_answer_400_naming_the_key_when_a_property_is_repeated(string key)
    {
        var json = Event().ToJsonString();
        var repeated = json.Insert(json.Length - 1, $",\"{key}\":\"other\"");

        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, repeated);

        Assert.Contains($"'{key}'", Assert.Single(await Problems.FieldAsync(response, "$")), StringComparison.Ordinal);
    }

    private static JsonObject Event() =>
        JsonSerializer.SerializeToNode(SyncFailures.ToSalesforce(ApiHost.Acme, "701", SyncFailures.InvalidEmail), ContractJson.Options)!.AsObject();
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using EventSync.Contracts;
using EventSync.Core.Validation;
using EventSync.Testing;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Core.Tests.Validation;

/// <summary>Reading messages off the wire as the workers do: lax input that used to pass is refused, with its reason.</summary>
public sealed class WireValidationTests
{
    private static readonly DateTimeOffset Now = WireMessagesAtTheirLimits.Now;

    private static readonly JsonSerializerOptions Wire = new(ContractJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver().WithAddedModifier(WireValidation.Modifier(new FakeTimeProvider(Now))),
    };

    [Theory]
    [InlineData("\"eventId\":42", "eventId")]
    [InlineData("\"tenantId\":4711", "tenantId")]
    public void Should_refuse_the_id_when_it_is_sent_as_a_number(string member, string field)
    {
        var json = Failure(member);

        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(json, Wire));

        Assert.Equal([field], JsonProblem.Fields(error));
    }

    [Fact]
    public void Should_read_hubSpotId_and_statusCode_when_they_are_sent_as_numbers()
    {
        var failure = JsonSerializer.Deserialize<SyncFailureReported>(Failure("\"hubSpotId\":12345", "\"errors\":[{\"statusCode\":400,\"message\":\"bad\"}]"), Wire)!;

        Assert.Equal("12345", failure.HubSpotId);
        Assert.Equal("400", failure.Errors[0].StatusCode);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("\"0001-01-01T00:00:00Z\"")]
    [InlineData("\"9999-12-31T23:59:59Z\"")]
    [InlineData("\"2025-11-27T11:59:59Z\"")]
    [InlineData("\"2026-11-29T12:00:01Z\"")]
    public void Should_refuse_occurredAt_naming_the_window_when_it_lies_outside_it(string occurredAt)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(Failure($"\"occurredAt\":{occurredAt}"), Wire));

        Assert.Contains("occurredAt:", error.Message, StringComparison.Ordinal);
        Assert.Contains("outside the accepted window from 2025-11-28T12:00:00.0000000+00:00 to 2026-11-29T12:00:00.0000000+00:00", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"2025-11-28T12:00:00Z\"")]
    [InlineData("\"2026-11-29T12:00:00Z\"")]
    [InlineData("\"2026-06-01T08:00:00+02:00\"")]
    public void Should_accept_occurredAt_when_it_lies_at_or_inside_the_window_edges(string occurredAt) =>
        Assert.NotNull(JsonSerializer.Deserialize<SyncFailureReported>(Failure($"\"occurredAt\":{occurredAt}"), Wire));

    [Fact]
    public void Should_refuse_syncedAt_and_reportedAt_when_they_lie_outside_the_window()
    {
        var synced = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<RecordSynced>(
            """{"eventId":"e-1","tenantId":"portal-4711","objectType":"contact","hubSpotId":"1","syncedAt":"1969-12-31T23:59:59Z"}""", Wire));
        var usage = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<ApiUsageReported>(
            """{"tenantId":"portal-4711","callsLast24h":1,"salesforceDailyLimit":2,"reportedAt":"9999-01-01T00:00:00Z"}""", Wire));

        Assert.Contains("syncedAt:", synced.Message, StringComparison.Ordinal);
        Assert.Contains("reportedAt:", usage.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_each_oversized_field_of_a_record_synced()
    {
        var message = new RecordSynced
        {
            EventId = new string('e', WireLimits.MaxIdLength + 1),
            TenantId = "portal 4711",
            ObjectType = new string('o', WireLimits.MaxNameLength + 1),
            HubSpotId = new string('1', WireLimits.MaxIdLength + 1),
            SalesforceId = new string('S', WireLimits.MaxIdLength + 1),
        };

        Assert.Equal(["eventId", "tenantId", "objectType", "hubSpotId", "salesforceId"], RecordSyncedValidator.Validate(message).Select(p => p.Field));
    }

    [Fact]
    public void Should_accept_a_record_synced_and_an_api_usage_when_their_ids_are_at_the_maximum()
    {
        var synced = new RecordSynced
        {
            EventId = new string('e', WireLimits.MaxIdLength),
            TenantId = WireMessagesAtTheirLimits.TenantId,
            ObjectType = new string('o', WireLimits.MaxNameLength),
            HubSpotId = new string('1', WireLimits.MaxIdLength),
            SalesforceId = new string('S', WireLimits.MaxIdLength),
            SyncedAt = Now,
        };
        var usage = new ApiUsageReported { TenantId = WireMessagesAtTheirLimits.TenantId, CallsLast24h = 0, SalesforceDailyLimit = 1, ReportedAt = Now };

        Assert.Empty(RecordSyncedValidator.Validate(synced, new FakeTimeProvider(Now)));
        Assert.Empty(ApiUsageReportedValidator.Validate(usage, new FakeTimeProvider(Now)));
    }

    [Fact]
    public void Should_refuse_the_tenant_id_of_an_api_usage_when_it_has_a_trailing_space() =>
        Assert.Equal("tenantId", Assert.Single(ApiUsageReportedValidator.Validate(new ApiUsageReported { TenantId = "portal-4711 ", CallsLast24h = 0, SalesforceDailyLimit = 1 })).Field);

    [Theory]
    [InlineData("""{"eventId":"e-1","eventId":"e-2","tenantId":"portal-4711","errors":[{"message":"x"}]}""", "eventId")]
    [InlineData("""{"eventId":"e-1","tenantId":"portal-4711","TenantId":"other","errors":[{"message":"x"}]}""", "tenantId")]
    [InlineData("""{"eventId":"e-1","tenantId":"portal-4711","errors":[{"message":"x","message":"y"}]}""", "message")]
    public void Should_refuse_the_message_naming_the_key_when_a_property_is_repeated(string json, string key)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(json, ContractJson.Options));

        Assert.Contains($"'{key}'", error.Message, StringComparison.Ordinal);
    }

    private static string Failure(params string[] members)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["eventId"] = "\"eventId\":\"e-1\"",
            ["tenantId"] = "\"tenantId\":\"portal-4711\"",
            ["errors"] = "\"errors\":[{\"message\":\"bad\"}]",
        };
        foreach (var member in members)
        {
            all[member[1..member.IndexOf('"', 1)]] = member;
        }

        return $"{{{string.Join(',', all.Values)}}}";
    }
}

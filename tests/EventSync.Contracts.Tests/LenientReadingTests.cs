using System.Text.Json;

namespace EventSync.Contracts.Tests;

/// <summary>Engines write ids, codes and times in more than one way; what is unambiguous is read, the rest refused.</summary>
public sealed class LenientReadingTests
{
    [Fact]
    public void Should_read_record_ids_and_codes_sent_as_numbers()
    {
        const string json = """{"eventId":"e-42","tenantId":"portal-4711","hubSpotId":12345,"errors":[{"statusCode":503,"message":"Service Unavailable"}]}""";

        var failure = JsonSerializer.Deserialize<SyncFailureReported>(json, ContractJson.Options)!;

        Assert.Equal(("12345", "503"), (failure.HubSpotId, failure.Errors[0].StatusCode));
        Assert.Contains("\"hubSpotId\":\"12345\"", JsonSerializer.Serialize(failure, ContractJson.Options), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"eventId":42,"tenantId":"portal-4711","errors":[{"message":"x"}]}""")]
    [InlineData("""{"eventId":"e-42","tenantId":4711,"errors":[{"message":"x"}]}""")]
    public void Should_refuse_the_event_and_tenant_ids_when_they_are_sent_as_numbers(string json) =>
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(json, ContractJson.Options));

    [Theory]
    [InlineData("\"2026-11-28T10:15:00Z\"")]
    [InlineData("\"2026-11-28T11:15:00+01:00\"")]
    [InlineData("\"2026-11-28 10:15:00\"")]
    [InlineData("1795860900")]
    [InlineData("1795860900000")]
    public void Should_read_the_same_instant_however_the_time_is_written(string occurredAt)
    {
        var json = $$"""{"eventId":"e","tenantId":"t","errors":[{"message":"x"}],"occurredAt":{{occurredAt}}}""";

        var failure = JsonSerializer.Deserialize<SyncFailureReported>(json, ContractJson.Options)!;

        Assert.Equal(DateTimeOffset.Parse("2026-11-28T10:15:00Z", System.Globalization.CultureInfo.InvariantCulture), failure.OccurredAt);
    }

    [Theory]
    [InlineData("""{"eventId":{"id":1},"tenantId":"t","errors":[{"message":"x"}]}""")]
    [InlineData("""{"eventId":"e","tenantId":"t","errors":[{"message":["x"]}]}""")]
    [InlineData("""{"eventId":"e","tenantId":"t","errors":[{"message":"x"}],"occurredAt":"yesterday"}""")]
    public void Should_refuse_values_that_are_neither_text_nor_number_nor_time(string json)
    {
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(json, ContractJson.Options));
    }
}

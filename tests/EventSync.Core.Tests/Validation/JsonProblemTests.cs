using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Validation;

namespace EventSync.Core.Tests.Validation;

public sealed class JsonProblemTests
{
    [Theory]
    [InlineData("""{"tenantId":"t","errors":[{"message":"x"}]}""", new[] { "eventId" })]
    [InlineData("""{"errors":[{"message":"x"}]}""", new[] { "eventId", "tenantId" })]
    [InlineData("""{"eventId":"e","tenantId":"t","errors":[{"statusCode":{"code":42}}]}""", new[] { "errors[0].statusCode" })]
    [InlineData("""{"eventId":"e","tenantId":"t","errors":[{"message":"x"}],"occurredAt":"yesterday"}""", new[] { "occurredAt" })]
    [InlineData("""{"eventId":"e","tenantId":"t","errors":[{"fields":7}]}""", new[] { "errors[0].fields" })]
    public void Should_name_the_fields_when_reading_a_failure_fails(string json, string[] expected)
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>(json, ContractJson.Options));

        Assert.Equal(expected, JsonProblem.Fields(error));
        Assert.StartsWith("invalid JSON", JsonProblem.Describe(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_name_no_field_when_the_text_is_not_json()
    {
        var error = Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<SyncFailureReported>("{oops", ContractJson.Options));

        Assert.Empty(JsonProblem.Fields(error));
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

public sealed class FieldListJsonConverterTests
{
    [Fact]
    public void Should_read_a_list_of_names_when_fields_is_a_comma_separated_string()
    {
        var message = ContractSchemas.Examples(WireMessages.SyncFailureReportedSchema)[0];
        message["errors"] = new JsonArray(new JsonObject
        {
            ["statusCode"] = "REQUIRED_FIELD_MISSING",
            ["message"] = "Required fields are missing: [LastName, Company]",
            ["fields"] = "LastName, Company,",
        });

        var results = ContractSchemas.Evaluate(WireMessages.SyncFailureReportedSchema, message);
        var failure = message.Deserialize<SyncFailureReported>(ContractJson.Options)!;

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
        Assert.Equal(["LastName", "Company"], failure.Errors[0].Fields);
    }

    [Fact]
    public void Should_read_the_names_when_fields_is_an_array()
    {
        var error = JsonSerializer.Deserialize<ReportedError>("""{ "statusCode": "INVALID_EMAIL_ADDRESS", "fields": ["Email"] }""", ContractJson.Options)!;

        Assert.Equal(["Email"], error.Fields);
    }

    [Fact]
    public void Should_write_an_array_when_the_fields_came_as_a_string()
    {
        var error = JsonSerializer.Deserialize<ReportedError>("""{ "statusCode": "REQUIRED_FIELD_MISSING", "fields": "LastName,Company" }""", ContractJson.Options)!;

        var written = JsonSerializer.SerializeToNode(error, ContractJson.Options)!;

        Assert.True(JsonNode.DeepEquals(new JsonArray("LastName", "Company"), written["fields"]), written.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "statusCode": "X", "fields": 3 }""")]
    [InlineData("""{ "statusCode": "X", "fields": [3] }""")]
    [InlineData("""{ "statusCode": "X", "fields": { "name": "Email" } }""")]
    public void Should_throw_when_fields_is_neither_a_string_nor_an_array_of_strings(string json)
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<ReportedError>(json, ContractJson.Options));
    }
}

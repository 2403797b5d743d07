using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

/// <summary>Messages a careless engine might send, and the exact reason the schema gives for each.</summary>
public sealed class InvalidMessageTests
{
    private const string Failure = WireMessages.SyncFailureReportedSchema;

    [Fact]
    public void Should_fail_on_required_when_eventId_is_missing()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message.Remove("eventId");

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("", "required")], SchemaFailure.Reasons(results));
        Assert.Contains("\"eventId\"", SchemaFailure.From(results)[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "minLength")]
    [InlineData("   ", "pattern")]
    public void Should_fail_on_the_eventId_when_it_is_blank(string eventId, string keyword)
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["eventId"] = eventId;

        var results = ContractSchemas.Evaluate(Failure, message);

        Assert.Contains(("/eventId", keyword), SchemaFailure.Reasons(results));
        Assert.All(SchemaFailure.Reasons(results), reason => Assert.Equal("/eventId", reason.InstanceLocation));
    }

    [Fact]
    public void Should_fail_on_maxLength_when_eventId_is_longer_than_255_characters()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["eventId"] = new string('e', WireLimits.MaxIdLength + 1);

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("/eventId", "maxLength")], SchemaFailure.Reasons(results));
    }

    [Fact]
    public void Should_accept_any_non_blank_eventId_when_it_is_not_a_uuid()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["eventId"] = "sf-sync-eu-1/2026-11-28/000042";

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.Null(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
    }

    [Fact]
    public void Should_fail_on_enum_and_on_blank_when_source_is_marketo()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["source"] = "marketo";

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        // source is one of the two values, or null or blank (unknown): marketo is neither.
        Assert.Equal([("/source", "enum"), ("/source", "pattern")], SchemaFailure.Reasons(results));
    }

    [Fact]
    public void Should_fail_on_minItems_when_errors_is_empty()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["errors"] = new JsonArray();

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("/errors", "minItems")], SchemaFailure.Reasons(results));
    }

    [Fact]
    public void Should_fail_on_maxItems_when_an_event_carries_101_errors()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["errors"] = new JsonArray([.. Enumerable.Range(0, 101).Select(_ => (JsonNode)new JsonObject { ["statusCode"] = "DUPLICATES_DETECTED" })]);

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("/errors", "maxItems")], SchemaFailure.Reasons(results));
    }

    [Fact]
    public void Should_fail_on_each_anyOf_branch_when_an_error_has_none_of_the_fields()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["errors"] = new JsonArray(new JsonObject { ["fields"] = new JsonArray("Email"), ["subCategory"] = "INVALID_EMAIL" });

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("/errors/0", "required")], SchemaFailure.Reasons(results));
        var messages = string.Join(" ", SchemaFailure.From(results).Select(failure => failure.Message));
        Assert.All(["statusCode", "errorCode", "message", "raw", "category"], name => Assert.Contains($"\"{name}\"", messages, StringComparison.Ordinal));
    }

    [Fact]
    public void Should_fail_on_pattern_when_the_only_error_field_is_blank()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["errors"] = new JsonArray(new JsonObject { ["message"] = "  " });

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.False(results.IsValid);
        Assert.Contains(("/errors/0/message", "pattern"), SchemaFailure.Reasons(results));
    }

    [Fact]
    public void Should_fail_on_type_when_fields_is_a_number()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["errors"]![0]!["fields"] = 3;

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("/errors/0/fields", "type")], SchemaFailure.Reasons(results));
        Assert.Throws<JsonException>(() => message.Deserialize<SyncFailureReported>(ContractJson.Options));
    }

    [Fact]
    public void Should_fail_on_format_when_occurredAt_is_not_a_date_time()
    {
        var message = ContractSchemas.Examples(Failure)[0];
        message["occurredAt"] = "yesterday";

        var results = ContractSchemas.Evaluate(Failure, message);
        Assert.NotNull(ServiceReading.Refusal(Failure, message.ToJsonString()));

        Assert.Equal([("/occurredAt", "format")], SchemaFailure.Reasons(results));
        Assert.Throws<JsonException>(() => message.Deserialize<SyncFailureReported>(ContractJson.Options));
    }

    [Fact]
    public void Should_fail_on_maxItems_when_ResyncErrors_carries_101_error_ids()
    {
        var message = ContractSchemas.Examples(WireMessages.ResyncErrorsSchema)[0];
        message["errorIds"] = new JsonArray([.. Enumerable.Range(1, ResyncErrors.MaxErrorIds + 1).Select(i => (JsonNode)$"error-{i}")]);

        var results = ContractSchemas.Evaluate(WireMessages.ResyncErrorsSchema, message);

        Assert.Equal([("/errorIds", "maxItems")], SchemaFailure.Reasons(results));
        Assert.Equal(ResyncErrors.MaxErrorIds, (int?)ContractSchemas.Document(WireMessages.ResyncErrorsSchema)["properties"]!["errorIds"]!["maxItems"]);
    }

    [Fact]
    public void Should_fail_on_minItems_when_ResyncErrors_carries_no_error_ids()
    {
        var message = ContractSchemas.Examples(WireMessages.ResyncErrorsSchema)[0];
        message["errorIds"] = new JsonArray();

        var results = ContractSchemas.Evaluate(WireMessages.ResyncErrorsSchema, message);

        Assert.Equal([("/errorIds", "minItems")], SchemaFailure.Reasons(results));
    }
}

using System.Text.Json.Nodes;
using Json.Schema;

namespace EventSync.Contracts.Tests;

/// <summary>
/// The schema of webhook bodies (<c>webhook-delivery.schema.json</c>): a valid 2020-12 schema whose examples are bodies
/// the notification worker's renderer wrote (its tests check what it writes now against the same file).
/// </summary>
public sealed class WebhookDeliverySchemaTests
{
    private const string File = ContractSchemas.WebhookDeliverySchema;

    [Fact]
    public void Should_be_a_valid_2020_12_schema_of_known_keywords_when_checked_against_the_meta_schema()
    {
        var results = ContractSchemas.EvaluateAgainstMetaSchema(File);

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
        Assert.Equal(ContractSchemas.MetaSchemaUri, (string?)ContractSchemas.Document(File)["$schema"]);
        Assert.Equal(ContractSchemas.IdPrefix + File, (string?)ContractSchemas.Document(File)["$id"]);
        Assert.Empty(ContractSchemaTests.Keywords(ContractSchemas.Schema(File)).OfType<UnrecognizedKeyword>().Select(k => k.Name));
    }

    [Fact]
    public void Should_accept_an_example_of_each_event_when_its_examples_are_validated()
    {
        var examples = ContractSchemas.Examples(File);

        Assert.Equal(["errors", "digest", "webhook.test"], examples.Select(e => (string)e["event"]!));
        Assert.All(examples, example =>
        {
            var results = ContractSchemas.Evaluate(File, example);
            Assert.True(results.IsValid, SchemaFailure.Describe(results));
        });
    }

    [Fact]
    public void Should_describe_every_property_when_read_by_a_receiver()
    {
        var document = ContractSchemas.Document(File);

        Assert.False(string.IsNullOrWhiteSpace((string?)document["description"]));
        Assert.All(document["properties"]!.AsObject(), p => Assert.False(string.IsNullOrWhiteSpace((string?)p.Value!["description"]), $"{p.Key} has no description"));
        Assert.True((bool?)document["additionalProperties"]);
    }

    [Fact]
    public void Should_accept_a_field_added_in_a_later_version_when_the_body_gains_one()
    {
        var body = ContractSchemas.Examples(File)[0];
        body["addedLater"] = "x";
        body["data"]!["errors"]![0]!["addedLater"] = new JsonObject();

        var results = ContractSchemas.Evaluate(File, body);

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
    }

    [Theory]
    [InlineData("version", "2")]
    [InlineData("createdAt", "\"yesterday\"")]
    [InlineData("data", "{\"openedAt\":\"2026-11-28T10:10:00Z\"}")]
    public void Should_refuse_the_body_when_a_field_breaks_version_1(string field, string json)
    {
        var body = ContractSchemas.Examples(File)[0];
        body[field] = JsonNode.Parse(json);

        Assert.False(ContractSchemas.Evaluate(File, body).IsValid);
    }

    [Fact]
    public void Should_refuse_an_error_of_an_event_that_is_not_an_error_event()
    {
        var body = ContractSchemas.Examples(File)[0];
        body["data"]!["errors"]![0]!["event"] = "digest";

        Assert.False(ContractSchemas.Evaluate(File, body).IsValid);
    }
}

using System.Text.Json.Nodes;
using Json.Schema;

namespace EventSync.Contracts.Tests;

public sealed class ContractSchemaTests
{
    public static TheoryData<string> SchemaFiles => WireMessages.SchemaFiles;

    [Fact]
    public void Should_have_one_schema_per_wire_message_and_the_webhook_body_when_listing_the_schema_folder()
    {
        Assert.Equal(
            WireMessages.All.Select(message => message.SchemaFile).Append(ContractSchemas.WebhookDeliverySchema).Order(StringComparer.Ordinal),
            ContractSchemas.FileNames);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_be_a_valid_2020_12_schema_when_checked_against_the_meta_schema(string schemaFile)
    {
        var document = ContractSchemas.Document(schemaFile);
        var results = ContractSchemas.EvaluateAgainstMetaSchema(schemaFile);

        Assert.Equal(ContractSchemas.MetaSchemaUri, (string?)document["$schema"]);
        Assert.True(results.IsValid, SchemaFailure.Describe(results));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_use_only_keywords_of_2020_12_when_parsed(string schemaFile)
    {
        // The meta-schema allows unknown keywords, so a typo such as "minitems" would pass it and constrain nothing.
        var unknown = Keywords(ContractSchemas.Schema(schemaFile)).OfType<UnrecognizedKeyword>().Select(keyword => keyword.Name);

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_describe_itself_when_read_by_another_team(string schemaFile)
    {
        var document = ContractSchemas.Document(schemaFile);
        var recordName = WireMessages.For(schemaFile).RecordType.Name;

        Assert.Equal(ContractSchemas.IdPrefix + schemaFile, (string?)document["$id"]);
        Assert.Equal(recordName, (string?)document["title"]);
        Assert.False(string.IsNullOrWhiteSpace((string?)document["description"]));
        Assert.All(document["properties"]!.AsObject(), property =>
            Assert.False(string.IsNullOrWhiteSpace((string?)property.Value!["description"]), $"{property.Key} has no description"));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_allow_unknown_properties_when_a_contract_gains_an_optional_field(string schemaFile)
    {
        var message = ContractSchemas.Examples(schemaFile)[0];
        message["addedInAFutureVersion"] = new JsonObject { ["any"] = "value" };

        var results = ContractSchemas.Evaluate(schemaFile, message);

        Assert.True((bool?)ContractSchemas.Document(schemaFile)["additionalProperties"]);
        Assert.True(results.IsValid, SchemaFailure.Describe(results));
    }

    [Theory]
    [MemberData(nameof(SchemaFiles))]
    public void Should_accept_its_examples_when_they_are_validated(string schemaFile)
    {
        var examples = ContractSchemas.Examples(schemaFile);

        Assert.NotEmpty(examples);
        Assert.All(examples, example =>
        {
            var results = ContractSchemas.Evaluate(schemaFile, example);
            Assert.True(results.IsValid, SchemaFailure.Describe(results));
        });
    }

    internal static IEnumerable<IJsonSchemaKeyword> Keywords(JsonSchema schema)
    {
        foreach (var keyword in schema.Keywords ?? [])
        {
            yield return keyword;
            foreach (var subschema in Subschemas(keyword).SelectMany(Keywords))
            {
                yield return subschema;
            }
        }
    }

    private static IEnumerable<JsonSchema> Subschemas(IJsonSchemaKeyword keyword)
    {
        if (keyword is ISchemaContainer { Schema: { } single })
        {
            yield return single;
        }

        if (keyword is ISchemaCollector { Schemas: { } list })
        {
            foreach (var schema in list)
            {
                yield return schema;
            }
        }

        if (keyword is IKeyedSchemaCollector { Schemas: { } keyed })
        {
            foreach (var schema in keyed.Values)
            {
                yield return schema;
            }
        }
    }
}

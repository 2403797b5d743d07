using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

public sealed class SchemaExampleRoundTripTests
{
    public static TheoryData<string, int> Examples =>
        [.. WireMessages.All.SelectMany(message => ContractSchemas.Examples(message.SchemaFile).Select((_, index) => (message.SchemaFile, index)))];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Should_deserialize_into_the_record_and_serialize_back_to_a_valid_message_when_read_with_contract_options(string schemaFile, int index)
    {
        var message = WireMessages.For(schemaFile);
        var example = ContractSchemas.Examples(schemaFile)[index];

        var record = example.Deserialize(message.RecordType, ContractJson.Options);
        var written = JsonSerializer.SerializeToNode(record, message.RecordType, ContractJson.Options)!.AsObject();
        var results = ContractSchemas.Evaluate(schemaFile, written);

        Assert.IsType(message.RecordType, record);
        Assert.True(results.IsValid, SchemaFailure.Describe(results));
        var properties = ContractSchemas.Document(schemaFile)["properties"]!.AsObject();
        Assert.All(example, property =>
        {
            Assert.True(written.ContainsKey(property.Key), $"'{property.Key}' was lost on the way through {message.RecordType.Name}");
            Assert.True(SameValue(property.Value, written[property.Key], (string?)properties[property.Key]?["format"]),
                $"'{property.Key}': {property.Value?.ToJsonString()} came back as {written[property.Key]?.ToJsonString()}");
        });
    }

    // A date-time keeps its instant but not its spelling: "...Z" comes back as "...+00:00".
    private static bool SameValue(JsonNode? sent, JsonNode? received, string? format) =>
        format == "date-time"
            ? DateTimeOffset.Parse((string)sent!, CultureInfo.InvariantCulture) == DateTimeOffset.Parse((string)received!, CultureInfo.InvariantCulture)
            : JsonNode.DeepEquals(sent, received);
}

using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

public sealed class ReadmeExampleTests
{
    public static TheoryData<int> Indexes { get; } = [.. Enumerable.Range(0, ReadmeExamples.All.Count)];

    [Fact]
    public void Should_find_an_example_of_each_message_when_reading_the_contracts_readme()
    {
        var documented = ReadmeExamples.All.Select(example => example.SchemaFile).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(WireMessages.All.Select(m => m.SchemaFile).Where(f => f != "transient-error-surfaced.schema.json").Order(StringComparer.Ordinal), documented);
    }

    [Theory]
    [MemberData(nameof(Indexes))]
    public void Should_be_accepted_by_schema_and_service_when_copied_from_the_readme(int index)
    {
        var (schemaFile, json) = ReadmeExamples.All[index];

        var results = ContractSchemas.Evaluate(schemaFile, JsonNode.Parse(json));

        Assert.True(results.IsValid, SchemaFailure.Describe(results));
        Assert.Null(ServiceReading.Refusal(schemaFile, json));
    }
}

using System.Text.Json.Nodes;

namespace EventSync.Contracts.Tests;

/// <summary>An engine in Python validates with the jsonschema package: it must reach the service's verdict too.</summary>
public sealed class PythonJsonSchemaTests
{
    private const int NotInstalled = 3;

    [Fact]
    public async Task Should_give_the_verdict_of_the_service_when_python_jsonschema_validates_the_examples_and_generated_messages()
    {
        if (!Python3.IsInstalled)
        {
            Assert.Skip($"{Python3.Path} is not installed (Debian: python3 and python3-jsonschema).");
        }

        var cases = new JsonArray();
        foreach (var (schemaFile, json) in ReadmeExamples.All)
        {
            cases.Add(Case("readme example", schemaFile, json, valid: true));
        }

        foreach (var message in WireMessages.All)
        {
            foreach (var example in ContractSchemas.Examples(message.SchemaFile))
            {
                cases.Add(Case("schema example", message.SchemaFile, example.ToJsonString(), valid: true));
            }
        }

        foreach (var @case in AgreementCases.All.Values.Where(c => c.Unstatable == Unstatable.None))
        {
            cases.Add(Case(@case.Name, @case.SchemaFile, @case.Json, ServiceReading.Refusal(@case.SchemaFile, @case.Json) is null));
        }

        var casesFile = Path.Combine(Path.GetTempPath(), $"eventsync-contract-cases-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(casesFile, cases.ToJsonString(), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await Python3.RunAsync(Path.Combine(AppContext.BaseDirectory, "validate_with_jsonschema.py"), casesFile, ContractSchemas.Directory);
            if (exitCode == NotInstalled)
            {
                Assert.Skip($"Python's jsonschema is not installed (Debian: python3-jsonschema): {output.Trim()}");
            }

            Assert.True(exitCode == 0, output);
            Assert.Contains($"{cases.Count} messages, 0 with another verdict", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(casesFile);
        }
    }

    private static JsonObject Case(string name, string schemaFile, string json, bool valid) => new()
    {
        ["name"] = name,
        ["schema"] = schemaFile,
        ["message"] = JsonNode.Parse(json),
        ["valid"] = valid,
    };
}

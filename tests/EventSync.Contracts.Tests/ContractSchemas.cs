using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace EventSync.Contracts.Tests;

/// <summary>Loads the schemas of contracts/schemas (copied beside the tests) and evaluates messages against them.</summary>
internal static class ContractSchemas
{
    public const string MetaSchemaUri = "https://json-schema.org/draft/2020-12/schema";
    public const string IdPrefix = "https://eventsync.dev/schemas/";

    // JsonSchema.Net 7.4 can report random errors when one schema is evaluated on several threads at once
    // (json-everything issue #929); xunit runs test classes in parallel, so evaluations take turns.
    private static readonly Lock EvaluationGate = new();
    private static readonly ConcurrentDictionary<string, JsonSchema> Parsed = new(StringComparer.Ordinal);

    private static readonly EvaluationOptions Options = new()
    {
        OutputFormat = OutputFormat.Hierarchical,
        RequireFormatValidation = true,
    };

    /// <summary>The schema of the body posted to webhook endpoints: published with the others, but no wire message.</summary>
    public const string WebhookDeliverySchema = "webhook-delivery.schema.json";

    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "Schemas");

    public static IReadOnlyList<string> FileNames { get; } =
        [.. System.IO.Directory.GetFiles(Directory, "*.schema.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    public static string Text(string fileName) => File.ReadAllText(Path.Combine(Directory, fileName));

    /// <summary>The schema file as a fresh, mutable JSON document.</summary>
    public static JsonObject Document(string fileName) => JsonNode.Parse(Text(fileName))!.AsObject();

    /// <summary>A fresh copy of the schema's examples.</summary>
    public static IReadOnlyList<JsonObject> Examples(string fileName) =>
        [.. Document(fileName)["examples"]!.AsArray().Select(example => example!.AsObject())];

    public static JsonSchema Schema(string fileName) => Parsed.GetOrAdd(fileName, name => JsonSchema.FromText(Text(name)));

    public static EvaluationResults Evaluate(string fileName, JsonNode? message) => Evaluate(Schema(fileName), message);

    public static EvaluationResults EvaluateAgainstMetaSchema(string fileName) => Evaluate(MetaSchemas.Draft202012, Document(fileName));

    private static EvaluationResults Evaluate(JsonSchema schema, JsonNode? instance)
    {
        lock (EvaluationGate)
        {
            return schema.Evaluate(instance, Options);
        }
    }
}

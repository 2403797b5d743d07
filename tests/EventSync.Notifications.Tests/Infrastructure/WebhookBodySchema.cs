using System.Text.Json.Nodes;
using Json.Schema;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>The JSON Schema of webhook bodies (<c>contracts/schemas/webhook-delivery.schema.json</c>, copied beside the tests).</summary>
public static class WebhookBodySchema
{
    // JsonSchema.Net can report random errors when one schema is evaluated on several threads at once: evaluations take turns.
    private static readonly Lock Gate = new();

    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemas", "webhook-delivery.schema.json"))));

    /// <summary>Null when <paramref name="body"/> is valid; else what is wrong with it.</summary>
    public static string? Problems(JsonNode body)
    {
        EvaluationResults results;
        lock (Gate)
        {
            results = Schema.Value.Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        }

        return results.IsValid
            ? null
            : string.Join("; ", results.Details.Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));
    }
}

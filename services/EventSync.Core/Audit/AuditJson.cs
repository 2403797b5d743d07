using System.Text.Json;

namespace EventSync.Core.Audit;

/// <summary>An entry's JSON values as the stores keep them: their JSON text, null when there is no value.</summary>
public static class AuditJson
{
    public static string? ToText(JsonElement? value) => value?.GetRawText();

    public static JsonElement? FromText(string? text) => text is null ? null : JsonSerializer.Deserialize<JsonElement>(text);
}

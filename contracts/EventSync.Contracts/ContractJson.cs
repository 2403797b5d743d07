using System.Text.Json;

namespace EventSync.Contracts;

/// <summary>The JSON settings of the wire: camelCase names, read case-insensitively, comments and trailing commas refused.</summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 32,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

using System.Text.Json;

namespace EventSync.Contracts;

/// <summary>
/// The JSON settings of the wire: camelCase names, read case-insensitively, comments, trailing commas and duplicate
/// property names refused (with duplicates, which value counts would depend on the reader).
/// </summary>
public static class ContractJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        MaxDepth = 32,
        AllowDuplicateProperties = false,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
    };
}

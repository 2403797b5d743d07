using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// Reads an id or a code sent as a string or as a number (HubSpot ids and HTTP status codes often travel as numbers):
/// <c>12345</c> reads as <c>"12345"</c>. Objects and arrays are refused. Always written as a string.
/// </summary>
public sealed class LenientStringJsonConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.String => reader.GetString(),
            JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
            JsonTokenType.True => "true",
            JsonTokenType.False => "false",
            _ => throw new JsonException($"Expected a string or a number, found {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

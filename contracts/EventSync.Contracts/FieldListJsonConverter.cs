using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>Reads <c>fields</c> written as an array of names (nulls in it are passed over) or as one comma-separated string.</summary>
public sealed class FieldListJsonConverter : JsonConverter<IReadOnlyList<string>>
{
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                return reader.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            case JsonTokenType.StartArray:
                var fields = new List<string>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.Null)
                    {
                        continue;
                    }

                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw new JsonException("Each entry of 'fields' must be a string.");
                    }

                    fields.Add(reader.GetString()!);
                }

                return fields;
            default:
                throw new JsonException("'fields' must be an array of field names or a comma-separated string.");
        }
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var field in value)
        {
            writer.WriteStringValue(field);
        }

        writer.WriteEndArray();
    }
}

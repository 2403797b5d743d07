using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// Reads a timestamp written as ISO 8601 (the contract), as another unambiguous date-time text (read as UTC when it
/// names no offset), or as Unix time in seconds or milliseconds. Always written as ISO 8601.
/// </summary>
public sealed class LenientTimestampJsonConverter : JsonConverter<DateTimeOffset>
{
    private const long MillisecondsThreshold = 100_000_000_000;
    private static readonly long MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();
    private static readonly long MinUnixSeconds = DateTimeOffset.MinValue.ToUnixTimeSeconds();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var unix))
        {
            // Beyond the years 1 to 9999 is no date-time: refused like any unreadable value, never an overflow.
            if (unix >= MillisecondsThreshold ? unix <= MaxUnixMilliseconds : unix >= MinUnixSeconds)
            {
                return unix >= MillisecondsThreshold ? DateTimeOffset.FromUnixTimeMilliseconds(unix) : DateTimeOffset.FromUnixTimeSeconds(unix);
            }
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetDateTimeOffset(out var iso))
            {
                return iso;
            }

            if (DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            {
                return parsed;
            }
        }

        throw new JsonException("Expected a date-time such as 2026-11-28T10:15:00Z (or Unix time).");
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}

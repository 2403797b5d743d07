using System.Text.Json;

namespace EventSync.Core.Validation;

/// <summary>
/// A value from the input, as a problem quotes it: shortened, in JSON quotes with control characters escaped, so that
/// neither a huge value nor a line break travels on into responses, fault headers and log lines.
/// </summary>
public static class ProblemText
{
    private const int MaxQuotedLength = 64;

    public static string Quote(string? value) =>
        value is null ? "null"
        : value.Length <= MaxQuotedLength ? JsonSerializer.Serialize(value)
        : JsonSerializer.Serialize(string.Concat(value.AsSpan(0, MaxQuotedLength), "…"));
}

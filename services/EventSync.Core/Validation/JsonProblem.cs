using System.Text.Json;
using System.Text.RegularExpressions;

namespace EventSync.Core.Validation;

/// <summary>Turns a <see cref="JsonException"/> into one sentence that names the field and the column.</summary>
public static partial class JsonProblem
{
    /// <summary>
    /// The JSON fields the exception is about, relative to the object read (<c>eventId</c>, <c>errors[0].fields</c>):
    /// the missing required properties when that is the problem, else the path where reading failed; empty for the
    /// object itself.
    /// </summary>
    public static IReadOnlyList<string> Fields(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var missing = MissingProperties().Match(exception.Message);
        if (missing.Success)
        {
            return [.. QuotedName().Matches(missing.Groups[1].Value).Select(m => m.Groups[1].Value)];
        }

        return exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? [path[2..]] : [];
    }

    public static string Describe(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (cut >= 0)
        {
            message = message[..cut];
        }

        var where = exception.Path is { Length: > 1 } path ? $" at {path}" : "";
        var column = exception.BytePositionInLine is { } position ? $" (column {position + 1})" : "";
        return $"invalid JSON{where}{column}: {message.TrimEnd()}";
    }

    [GeneratedRegex(@"missing required properties including: (.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"'([^']+)'", RegexOptions.CultureInvariant)]
    private static partial Regex QuotedName();
}

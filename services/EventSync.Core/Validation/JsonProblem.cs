using System.Text.Json;

namespace EventSync.Core.Validation;

/// <summary>Turns a <see cref="JsonException"/> into one sentence that names the field and the column.</summary>
public static class JsonProblem
{
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
}

using EventSync.Contracts;

namespace EventSync.Core.Validation;

/// <summary>One error of a <see cref="SyncFailureReported"/>: something to classify, and nothing larger than <see cref="WireLimits"/> allows.</summary>
internal static class ReportedErrorValidator
{
    public static void Validate(ReportedError? error, string path, List<ValidationProblem> problems)
    {
        if (error is null)
        {
            problems.Add(new(path, "is null."));
            return;
        }

        if (IsBlank(error.StatusCode) && IsBlank(error.ErrorCode) && IsBlank(error.Message) && IsBlank(error.Raw) && IsBlank(error.Category))
        {
            problems.Add(new(path, "needs at least one of statusCode, errorCode, message, raw or category."));
        }

        Bounded.Text(error.StatusCode, $"{path}.statusCode", WireLimits.MaxNameLength, problems);
        Bounded.Text(error.ErrorCode, $"{path}.errorCode", WireLimits.MaxNameLength, problems);
        Bounded.Text(error.Message, $"{path}.message", WireLimits.MaxMessageLength, problems);
        Bounded.Text(error.Raw, $"{path}.raw", WireLimits.MaxRawLength, problems);
        Bounded.Text(error.Category, $"{path}.category", WireLimits.MaxNameLength, problems);
        Bounded.Text(error.SubCategory, $"{path}.subCategory", WireLimits.MaxNameLength, problems);
        ValidateFields(error.Fields, $"{path}.fields", problems);
        if (error.Context is { } context && context.GetRawText() is { Length: > WireLimits.MaxContextLength } text)
        {
            problems.Add(new($"{path}.context", $"has {text.Length} characters of JSON; at most {WireLimits.MaxContextLength} are accepted."));
        }
    }

    private static void ValidateFields(IReadOnlyList<string>? fields, string path, List<ValidationProblem> problems)
    {
        if (fields is null)
        {
            return;
        }

        if (fields.Count > WireLimits.MaxFieldsPerError)
        {
            problems.Add(new(path, $"names {fields.Count} fields; at most {WireLimits.MaxFieldsPerError} are accepted."));
            return;
        }

        for (var i = 0; i < fields.Count; i++)
        {
            Bounded.Text(fields[i], $"{path}[{i}]", WireLimits.MaxNameLength, problems);
        }
    }

    private static bool IsBlank(string? value) => string.IsNullOrWhiteSpace(value);
}

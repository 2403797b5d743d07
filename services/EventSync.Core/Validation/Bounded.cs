namespace EventSync.Core.Validation;

/// <summary>The length and character checks that every validator makes of the wire's text fields.</summary>
internal static class Bounded
{
    /// <summary>Optional text of at most <paramref name="max"/> characters.</summary>
    public static void Text(string? value, string field, int max, List<ValidationProblem> problems)
    {
        if (value is not null && value.Length > max)
        {
            problems.Add(new(field, $"has {value.Length} characters; at most {max} are accepted."));
        }
    }

    /// <summary>
    /// An optional id: at most <paramref name="max"/> characters and on one line, since ids end up in log lines,
    /// routing keys and file names where a control character would forge or break something.
    /// </summary>
    public static void Id(string? value, string field, int max, List<ValidationProblem> problems)
    {
        Text(value, field, max, problems);
        if (value is not null && (value.AsSpan().ContainsAnyInRange('\0', '\u001f') || value.Contains('\u007f', StringComparison.Ordinal)))
        {
            problems.Add(new(field, "must not contain control characters such as line breaks or tabs."));
        }
    }

    /// <summary>A mandatory id: not blank, then as <see cref="Id"/>.</summary>
    public static void RequiredId(string? value, string field, int max, List<ValidationProblem> problems)
    {
        if (Required.NotBlank(value, field, problems))
        {
            Id(value, field, max, problems);
        }
    }
}

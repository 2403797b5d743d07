namespace EventSync.Core.Validation;

/// <summary>The check every validator makes of a mandatory text field.</summary>
internal static class Required
{
    public static bool NotBlank(string? value, string field, List<ValidationProblem> problems)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        problems.Add(new(field, "is required and must not be blank."));
        return false;
    }
}

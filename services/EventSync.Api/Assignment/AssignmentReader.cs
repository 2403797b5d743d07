using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Core.Errors;

namespace EventSync.Api.Assignment;

/// <summary>Reads an <c>assignee</c> (a person's address or name, or null for nobody) and a note's <c>text</c>.</summary>
internal static class AssignmentReader
{
    public const int MaxAssigneeLength = 200;

    /// <summary>The assignee, trimmed; null for nobody, or after naming the problem (the body must say, <c>null</c> included).</summary>
    public static string? Assignee(JsonElement body, ValidationProblems problems)
    {
        if (!body.EnumerateObject().Any(p => string.Equals(p.Name, "assignee", StringComparison.OrdinalIgnoreCase)))
        {
            problems.Add("assignee", ProblemTexts.AssigneeMissing);
            return null;
        }

        var assignee = JsonRequestBody.OptionalString(body, "assignee", problems)?.Trim();
        if (assignee is { Length: 0 } || assignee?.Length > MaxAssigneeLength || assignee?.Any(char.IsControl) == true)
        {
            problems.Add("assignee", ProblemFormat.With(ProblemTexts.AssigneeInvalid, MaxAssigneeLength));
            return null;
        }

        return assignee;
    }

    public static string? NoteText(JsonElement body, ValidationProblems problems)
    {
        var text = JsonRequestBody.OptionalString(body, "text", problems)?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > ErrorNote.MaxTextLength || text.Any(c => char.IsControl(c) && c is not ('\n' or '\t' or '\r')))
        {
            problems.Add("text", ProblemFormat.With(ProblemTexts.NoteInvalid, ErrorNote.MaxTextLength));
            return null;
        }

        return text;
    }
}

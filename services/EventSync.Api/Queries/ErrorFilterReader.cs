using System.Globalization;
using EventSync.Api.Localization;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Api.Queries;

/// <summary>Turns the filter parameters into an <see cref="ErrorQuery"/>, naming each parameter that is not valid.</summary>
internal static class ErrorFilterReader
{
    public const int MaxTextLength = 200;

    private static readonly string[] IsoFormats =
    [
        "yyyy-MM-dd",
        "yyyy-MM-dd'T'HH:mm",
        "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd'T'HH:mm:ss",
        "yyyy-MM-dd'T'HH:mm:ssK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
    ];

    private static readonly Dictionary<string, SyncErrorState> States =
        Enum.GetValues<SyncErrorState>().ToDictionary(s => s.ToWire(), StringComparer.Ordinal);

    /// <summary>The <c>state</c> that asks for current errors (open or resync pending), as the cards count them.</summary>
    public const string CurrentState = "current";

    /// <summary>The <c>assignee</c> that asks for errors assigned to nobody.</summary>
    public const string NoAssignee = "none";

    public static ErrorQuery Read(string tenantId, ErrorFilterParameters filter, ValidationProblems problems)
    {
        var errorType = Blank(filter.ErrorType);
        if (errorType is not null && !ErrorCatalog.Default.TryGet(errorType, out _))
        {
            problems.Add("errorType", ProblemFormat.With(ProblemTexts.ErrorTypeUnknown, errorType));
        }

        var category = Blank(filter.Category);
        if (category is not null && ErrorCatalog.Default.Categories.All(c => c.Id != category))
        {
            problems.Add("category", ProblemFormat.With(ProblemTexts.CategoryUnknown, category, string.Join(", ", ErrorCatalog.Default.Categories.Select(c => c.Id))));
        }

        SyncErrorState? state = null;
        var current = false;
        if (Blank(filter.State) is { } stateText)
        {
            if (stateText == CurrentState)
            {
                current = true;
            }
            else if (States.TryGetValue(stateText, out var known))
            {
                state = known;
            }
            else
            {
                problems.Add("state", ProblemFormat.With(ProblemTexts.StateUnknown, stateText, string.Join(", ", States.Keys.Prepend(CurrentState))));
            }
        }

        var from = Instant(filter.From, "from", problems);
        var to = Instant(filter.To, "to", problems);
        if (from is not null && to is not null && from >= to)
        {
            problems.Add("to", ProblemTexts.ToBeforeFrom);
        }

        var assignee = Text(filter.Assignee, "assignee", problems);
        return new ErrorQuery(tenantId)
        {
            ErrorType = errorType,
            Category = category,
            State = state,
            CurrentOnly = current,
            ObjectType = Text(filter.ObjectType, "objectType", problems),
            SeenFrom = from,
            SeenTo = to,
            Text = Text(filter.Q, "q", problems),
            Fingerprint = Fingerprint(filter.Fingerprint, problems),
            Assignee = assignee is NoAssignee ? null : assignee,
            Unassigned = assignee is NoAssignee,
        };
    }

    private static string? Fingerprint(string? value, ValidationProblems problems)
    {
        var text = Blank(value);
        if (text is not null && (text.Length != 16 || !text.All(char.IsAsciiHexDigitLower)))
        {
            problems.Add("fingerprint", ProblemTexts.FingerprintInvalid);
            return null;
        }

        return text;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string? Text(string? value, string name, ValidationProblems problems)
    {
        var text = Blank(value);
        if (text is { Length: > MaxTextLength })
        {
            problems.Add(name, ProblemFormat.With(ProblemTexts.TextTooLong, MaxTextLength));
        }

        // SQLite hands a function its text up to the first NUL: "\0" would search for "" and match every error.
        if (text is not null && text.Contains('\0', StringComparison.Ordinal))
        {
            problems.Add(name, ProblemTexts.TextHasNul);
        }

        return text;
    }

    private static DateTimeOffset? Instant(string? value, string name, ValidationProblems problems)
    {
        var text = Blank(value);
        if (text is null)
        {
            return null;
        }

        if (DateTimeOffset.TryParseExact(text, IsoFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return instant;
        }

        problems.Add(name, ProblemFormat.With(ProblemTexts.DateInvalid, text));
        return null;
    }
}

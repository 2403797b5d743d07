using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>Reads the conditions of an ignore: <c>until</c> (a later instant with its offset), <c>untilOccurrences</c> and <c>reason</c>.</summary>
internal static partial class ErrorIgnoreReader
{
    public const long MaxUntilOccurrences = 1_000_000;
    public const int MaxReasonLength = 500;

    public static ErrorIgnore Read(JsonElement body, string ignoredBy, DateTimeOffset now, ValidationProblems problems) =>
        new()
        {
            IgnoredBy = ignoredBy,
            IgnoredAt = now,
            Until = Until(body, now, problems),
            UntilOccurrences = UntilOccurrences(body, problems),
            Reason = Reason(body, problems),
        };

    private static DateTimeOffset? Until(JsonElement body, DateTimeOffset now, ValidationProblems problems)
    {
        if (!JsonRequestBody.TryGet(body, "until", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String || !value.TryGetDateTimeOffset(out var until) || !WithOffset().IsMatch(value.GetString()!))
        {
            problems.Add("until", ProblemTexts.UntilInvalid);
            return null;
        }

        if (until <= now)
        {
            problems.Add("until", ProblemFormat.With(ProblemTexts.UntilNotLater, now.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)));
            return null;
        }

        return until.ToUniversalTime();
    }

    private static long? UntilOccurrences(JsonElement body, ValidationProblems problems)
    {
        if (!JsonRequestBody.TryGet(body, "untilOccurrences", out var value))
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var count) || count < 1 || count > MaxUntilOccurrences)
        {
            problems.Add("untilOccurrences", ProblemFormat.With(ProblemTexts.UntilOccurrencesInvalid, MaxUntilOccurrences));
            return null;
        }

        return count;
    }

    private static string? Reason(JsonElement body, ValidationProblems problems)
    {
        var reason = JsonRequestBody.OptionalString(body, "reason", problems)?.Trim();
        if (string.IsNullOrEmpty(reason))
        {
            return null;
        }

        if (reason.Length > MaxReasonLength || reason.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
        {
            problems.Add("reason", ProblemFormat.With(ProblemTexts.ReasonInvalid, MaxReasonLength));
            return null;
        }

        return reason;
    }

    [GeneratedRegex(@"(Z|z|[+-]\d{2}:?\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex WithOffset();
}

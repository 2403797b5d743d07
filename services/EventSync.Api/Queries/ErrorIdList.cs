using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Requests;

namespace EventSync.Api.Queries;

/// <summary>
/// Reads a body's <c>errorIds</c>: each wrong item is named by its index (<c>errorIds[3]</c>); copies of an id count once,
/// and the limit applies to the different ids.
/// </summary>
internal static class ErrorIdList
{
    public const string Field = "errorIds";

    /// <summary>The different ids in the order given; <paramref name="tooMany"/> says what to do instead when there are more than <paramref name="max"/>.</summary>
    public static List<string> Read(JsonElement body, ValidationProblems problems, int max, string tooMany)
    {
        var ids = new List<string>();
        if (!JsonRequestBody.TryGet(body, Field, out var value))
        {
            problems.Add(Field, ProblemTexts.ErrorIdsMissing);
            return ids;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(Field, ProblemTexts.ErrorIdsNotArray);
            return ids;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(id))
            {
                problems.Add($"{Field}[{index}]", id is null ? ProblemFormat.With(ProblemTexts.ErrorIdNotString, item.ValueKind.ToString().ToLowerInvariant()) : ProblemTexts.ErrorIdBlank);
            }
            else if (seen.Add(id))
            {
                ids.Add(id);
            }

            index++;
        }

        if (ids.Count == 0)
        {
            problems.Add(Field, ProblemTexts.ErrorIdsMissing);
        }
        else if (ids.Count > max)
        {
            problems.Add(Field, ProblemFormat.With(ProblemTexts.ErrorIdsTooMany, max, ids.Count, tooMany));
        }

        return ids;
    }
}

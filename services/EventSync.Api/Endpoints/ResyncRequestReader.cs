using System.Text.Json;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Contracts;

namespace EventSync.Api.Endpoints;

/// <summary>
/// Reads the <c>errorIds</c> of a resync request: each wrong item is named by its index (<c>errorIds[3]</c>); copies of
/// an id count once, and the limit of <see cref="ResyncErrors.MaxErrorIds"/> applies to the different ids.
/// </summary>
internal static class ResyncRequestReader
{
    public const string ErrorIdsField = "errorIds";

    public static List<string> ErrorIds(JsonElement body, ValidationProblems problems)
    {
        var ids = new List<string>();
        if (!JsonRequestBody.TryGet(body, ErrorIdsField, out var value))
        {
            problems.Add(ErrorIdsField, "Name at least one error id.");
            return ids;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add(ErrorIdsField, "Must be an array of error ids.");
            return ids;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var id = item.ValueKind == JsonValueKind.String ? item.GetString()!.Trim() : null;
            if (string.IsNullOrEmpty(id))
            {
                problems.Add($"{ErrorIdsField}[{index}]", id is null ? $"Must be an error id (a string), not {item.ValueKind.ToString().ToLowerInvariant()}." : "Must not be blank.");
            }
            else if (seen.Add(id))
            {
                ids.Add(id);
            }

            index++;
        }

        if (ids.Count == 0)
        {
            problems.Add(ErrorIdsField, "Name at least one error id.");
        }
        else if (ids.Count > ResyncErrors.MaxErrorIds)
        {
            problems.Add(
                ErrorIdsField,
                $"At most {ResyncErrors.MaxErrorIds} error ids per request; this one has {ids.Count} different ones. "
                + $"Send several requests of at most {ResyncErrors.MaxErrorIds} ids, or resync every open error a filter selects "
                + "with POST .../resync-all.");
        }

        return ids;
    }
}

using System.Text.Json;
using EventSync.Api.Localization;
using EventSync.Api.Requests;
using EventSync.Core.Errors;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Queries;

/// <summary>
/// The errors a change names in its body: <c>errorIds</c> (at most <see cref="MaxErrorIds"/>, each the tenant's) or
/// <c>filter</c>, the error list's filter as an object (<c>{}</c> for all), selecting at most
/// <see cref="ApiOptions.MaxErrorsPerChange"/> errors in the states the change applies to.
/// </summary>
internal sealed class ErrorSelection(ISyncErrorQueries queries, IOptions<ApiOptions> options)
{
    public const string FilterField = "filter";
    public const int MaxErrorIds = 1000;

    /// <summary>The ids of the errors named, or null after naming the problems.</summary>
    public async Task<IReadOnlyList<string>?> ReadAsync(
        string tenantId, JsonElement body, IReadOnlyList<SyncErrorState> states, ValidationProblems problems, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(states);
        var byIds = JsonRequestBody.TryGet(body, ErrorIdList.Field, out _);
        var byFilter = JsonRequestBody.TryGet(body, FilterField, out var filter);
        if (byIds == byFilter)
        {
            problems.Add(
                ErrorIdList.Field,
                byIds ? ProblemTexts.ErrorsNamedTwice : ProblemTexts.ErrorsNotNamed);
            return null;
        }

        return byIds ? await ByIdsAsync(tenantId, body, problems, cancellationToken) : await ByFilterAsync(tenantId, filter, states, problems, cancellationToken);
    }

    private async Task<IReadOnlyList<string>?> ByIdsAsync(string tenantId, JsonElement body, ValidationProblems problems, CancellationToken cancellationToken)
    {
        var ids = ErrorIdList.Read(body, problems, MaxErrorIds, ProblemTexts.ErrorIdsTooManyUseFilter);
        if (problems.Any)
        {
            return null;
        }

        var found = (await queries.GetManyAsync(tenantId, ids, cancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var unknown = ids.Where(id => !found.Contains(id)).ToList();
        if (unknown.Count > 0)
        {
            problems.Add(ErrorIdList.Field, ProblemFormat.With(ProblemTexts.ErrorsNotOfTenant, string.Join(", ", unknown.Take(ValidationProblems.MaxListed)), unknown.Count > ValidationProblems.MaxListed ? ", ..." : ""));
            return null;
        }

        return ids;
    }

    private async Task<IReadOnlyList<string>?> ByFilterAsync(
        string tenantId, JsonElement filter, IReadOnlyList<SyncErrorState> states, ValidationProblems problems, CancellationToken cancellationToken)
    {
        if (filter.ValueKind != JsonValueKind.Object)
        {
            problems.Add(FilterField, ProblemTexts.FilterNotObject);
            return null;
        }

        var part = new ValidationProblems();
        var query = ErrorFilterReader.Read(tenantId, ErrorFilterBody.Read(filter, part), part);
        if (query.State is { } asked && !states.Contains(asked))
        {
            part.Add("state", $"Only {string.Join(" or ", states.Select(s => s.ToWire()))} errors change here: leave the state out or pass one of those.");
        }

        problems.AddAll(part, FilterField);
        if (problems.Any)
        {
            return null;
        }

        var max = options.Value.MaxErrorsPerChange;
        var matching = new List<string>();
        foreach (var state in query.State is { } one ? [one] : states)
        {
            matching.AddRange((await queries.ListUpToAsync(query with { State = state }, max + 1 - matching.Count, cancellationToken)).Select(e => e.Id));
            if (matching.Count > max)
            {
                problems.Add(FilterField, ProblemFormat.With(ProblemTexts.ErrorsTooManyToChange, max));
                return null;
            }
        }

        return matching;
    }
}

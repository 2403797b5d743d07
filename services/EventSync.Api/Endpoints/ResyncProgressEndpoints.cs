using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Resync;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/resync-progress?requestId=a&amp;requestId=b</c>: the combined progress of up to
/// <see cref="MaxRequestIds"/> resync requests, such as those of one <c>POST .../resync-all</c>, in one call.
/// </summary>
internal static class ResyncProgressEndpoints
{
    public const string Field = "requestId";

    /// <summary>The requests of the largest resync of all matching errors (10,000 errors in requests of 100).</summary>
    public const int MaxRequestIds = 100;

    public static RouteGroupBuilder MapResyncProgress(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/resync-progress", GetAsync)
            .WithName("GetResyncProgress")
            .WithSummary($"The combined progress of up to {MaxRequestIds} resync requests (requestId repeated): records by state, why and until when records wait")
            .Produces<ResyncProgressView>()
            .ProducesValidationProblem()
            .TakesTenantReadSlot();
        return tenant;
    }

    private static async Task<IResult> GetAsync(string tenantId, string[]? requestId, IResyncRequestStore requests, CancellationToken cancellationToken)
    {
        var ids = (requestId ?? []).Select(id => id.Trim()).Where(id => id.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var problems = new ValidationProblems();
        if (ids.Count == 0)
        {
            problems.Add(Field, ProblemTexts.RequestIdsMissing);
        }
        else if (ids.Count > MaxRequestIds)
        {
            problems.Add(Field, ProblemFormat.With(ProblemTexts.RequestIdsTooMany, MaxRequestIds, ids.Count));
        }

        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var byId = (await requests.GetRequestsAsync(tenantId, ids, cancellationToken))
            .Where(r => r.TenantId == tenantId)
            .ToDictionary(r => r.RequestId, StringComparer.Ordinal);
        var found = ids.Where(byId.ContainsKey).Select(id => byId[id]).ToList();
        var unknown = ids.Where(id => !byId.ContainsKey(id)).ToList();
        return TypedResults.Ok(ViewOf(found, unknown));
    }

    private static ResyncProgressView ViewOf(List<ResyncRequestRecord> requests, List<string> unknown)
    {
        var parts = requests.SelectMany(r => r.Parts).ToList();
        var outcome = requests.Any(r => r.Outcome == "in-progress") ? "in-progress"
            : requests.Any(r => r.Outcome == "failed") ? "failed"
            : "completed";
        var deferred = parts.Where(p => p.State == ResyncPartState.Deferred)
            .GroupBy(p => p.Reason, StringComparer.Ordinal)
            .Select(g => new ResyncDeferralView(g.Key, g.Count(), g.All(p => p.ExpectedAt is not null) ? g.Min(p => p.ExpectedAt) : null))
            .ToList();
        return new ResyncProgressView(
            [.. requests.Select(r => r.RequestId)],
            unknown,
            outcome,
            ResyncRequestEndpoints.CountsOf(parts),
            parts.Sum(p => p.ErrorIds.Count),
            deferred);
    }
}

using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Resync;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/resync-requests</c> (the tenant's requests, newest first, cursor pages) and
/// <c>.../resync-requests/{requestId}</c> (how far one request got, record by record).
/// </summary>
internal static class ResyncRequestEndpoints
{
    public static RouteGroupBuilder MapResyncRequests(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/resync-requests", ListAsync)
            .WithName("ListResyncRequests")
            .WithSummary("The tenant's resync requests, newest first: who asked, when, how far each got; cursor paging")
            .Produces<ResyncRequestListResponse>()
            .ProducesValidationProblem()
            .TakesTenantReadSlot();
        tenant.MapGet("/resync-requests/{requestId}", GetAsync)
            .WithName("GetResyncRequest")
            .WithSummary("The progress of a resync request: each record queued, deferred (with when it is expected to go), sent, completed or failed")
            .Produces<ResyncRequestView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    /// <summary>Where the progress of a request is shown.</summary>
    public static string PathOf(string tenantId, string requestId) =>
        $"/api/tenants/{Uri.EscapeDataString(tenantId)}/resync-requests/{Uri.EscapeDataString(requestId)}";

    private static async Task<IResult> GetAsync(string tenantId, string requestId, IResyncRequestStore requests, CancellationToken cancellationToken)
    {
        var request = await requests.GetRequestAsync(tenantId, requestId, cancellationToken);
        return request is null || request.TenantId != tenantId
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.NotFoundTitle, detail: ProblemFormat.With(ProblemTexts.NoResyncRequest, requestId))
            : TypedResults.Ok(ViewOf(request));
    }

    private static async Task<IResult> ListAsync(
        string tenantId, [AsParameters] PageParameters page, IResyncRequestStore requests, IOptions<ApiOptions> options, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var limit = page.ReadLimit(options.Value, problems);
        var cursor = page.ReadCursor(problems);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var after = cursor is { } at ? new ResyncRequestPageCursor(at.At, at.Id) : null;
        var result = await requests.ListRecentAsync(tenantId, after, limit, cancellationToken);
        return TypedResults.Ok(new ResyncRequestListResponse(
            [.. result.Requests.Select(SummaryOf)],
            result.Next is null ? null : PageCursorCodec.Encode(result.Next.RequestedAt, result.Next.RequestId)));
    }

    private static ResyncRequestSummaryView SummaryOf(ResyncRequestRecord request) => new(
        request.RequestId,
        request.RequestedBy,
        request.RequestedAt,
        request.Kind.ToWire(),
        request.Outcome,
        CountsOf(request.Parts),
        request.Parts.Sum(p => p.ErrorIds.Count),
        PathOf(request.TenantId, request.RequestId));

    /// <summary>The number of records in each state, every state named (0 when none is in it).</summary>
    public static Dictionary<string, int> CountsOf(IEnumerable<ResyncPart> parts)
    {
        var all = parts.ToList();
        return Enum.GetValues<ResyncPartState>().ToDictionary(s => s.ToWire(), s => all.Count(p => p.State == s), StringComparer.Ordinal);
    }

    private static ResyncRequestView ViewOf(ResyncRequestRecord request) => new(
        request.RequestId,
        request.RequestedBy,
        request.RequestedAt,
        request.Kind.ToWire(),
        request.Outcome,
        CountsOf(request.Parts),
        request.SkippedErrorIds,
        [.. request.Parts.Select(p => new ResyncPartView(
            p.ObjectType, p.HubSpotId, p.SalesforceId, p.EngineId, p.ErrorIds, p.State.ToWire(), p.ExpectedAt, p.SentAt, p.CompletedAt, p.Reason))]);
}

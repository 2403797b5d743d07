using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Api.Requests;
using EventSync.Api.Resync;
using EventSync.Api.Security;
using EventSync.Contracts;
using EventSync.Core.Audit;
using EventSync.Core.Errors;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/resync-all</c>: resyncs every open error the filter selects (the error list's filter,
/// as a JSON body), split into requests of at most <see cref="ResyncErrors.MaxErrorIds"/> errors, each submitted as
/// <c>POST .../resync</c> submits one (within the API budget, queued in order), up to
/// <see cref="ApiOptions.MaxResyncAllErrors"/> errors at once.
/// </summary>
internal static class ResyncAllEndpoints
{
    public static RouteGroupBuilder MapResyncAll(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/resync-all", ResyncAllAsync)
            .WithName("ResyncAllMatchingErrors")
            .WithSummary($"Resync the records behind every open error a filter selects, in requests of at most {ResyncErrors.MaxErrorIds} errors")
            .WithDescription(
                "202 with the ids of the requests (Location: the list of requests) when at least one error moved to resync-pending; "
                + "200 with no request ids when no open error matches.")
            .AcceptsJson<ViewFilter>()
            .Produces<ResyncAllAccepted>(StatusCodes.Status202Accepted)
            .Produces<ResyncAllAccepted>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequireRateLimiting(ApiRateLimitPolicies.Resync)
            .RequiresRole(ApiRole.Operator);
        return tenant;
    }

    private static async Task<IResult> ResyncAllAsync(
        string tenantId,
        HttpRequest request,
        ISyncErrorQueries queries,
        ResyncSubmitter submitter,
        AuditRecorder audit,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var query = body is { } json ? ErrorFilterReader.Read(tenantId, ErrorFilterBody.Read(json, problems), problems) : null;
        if (query is { State: not (null or SyncErrorState.Open) })
        {
            problems.Add("state", ProblemTexts.ResyncOnlyOpen);
        }

        if (problems.Any || query is null)
        {
            return problems.ToResult(ProblemTexts.ResyncAllFilterInvalidTitle);
        }

        var max = options.Value.MaxResyncAllErrors;
        var matching = await queries.ListUpToAsync(query with { State = SyncErrorState.Open }, max + 1, cancellationToken);
        if (matching.Count > max)
        {
            problems.Add("filter", ProblemFormat.With(ProblemTexts.ResyncAllTooMany, max));
            return problems.ToResult(ProblemTexts.ResyncAllTooManyTitle);
        }

        var requester = request.HttpContext.ApiPrincipal().Name;
        var requestIds = new List<string>();
        var (moved, alreadyPending) = (0, 0);
        foreach (var chunk in matching.Chunk(ResyncErrors.MaxErrorIds))
        {
            var answer = await submitter.SubmitAsync(tenantId, requester, chunk, cancellationToken);
            if (answer.RequestId is { } requestId)
            {
                requestIds.Add(requestId);
            }

            moved += answer.Accepted.Count;
            alreadyPending += answer.AlreadyPending.Count;
        }

        var accepted = new ResyncAllAccepted(requestIds, moved, alreadyPending);
        if (requestIds.Count == 0)
        {
            return TypedResults.Ok(accepted);
        }

        await audit.RecordAsync(
            request.HttpContext, tenantId, AuditActions.ResyncAll, new { Filter = ViewFilter.Of(query), RequestIds = requestIds, Errors = moved }, null, null, cancellationToken);
        return TypedResults.Accepted($"/api/tenants/{Uri.EscapeDataString(tenantId)}/resync-requests", accepted);
    }
}

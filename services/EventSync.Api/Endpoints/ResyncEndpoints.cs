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

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/resync</c>: moves the errors to resync-pending and sends a <see cref="ResyncErrors"/>
/// command; at most <see cref="ResyncErrors.MaxErrorIds"/> different ids a request, all of them the tenant's. When some
/// errors moved, the request is recorded as queued first, and 202 points at its progress
/// (<c>Location: .../resync-requests/{requestId}</c>); when none did (all already pending or resolved), nothing was
/// requested: 200 says which ids were in which state, with no request id.
/// </summary>
internal static class ResyncEndpoints
{
    public static RouteGroupBuilder MapResync(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/resync", ResyncAsync)
            .WithName("ResyncErrors")
            .WithSummary($"Resync the records behind up to {ResyncErrors.MaxErrorIds} errors")
            .WithDescription(
                "202 with Location and requestId when at least one error moved to resync-pending; "
                + "200 without a requestId when every id was already pending or resolved (nothing new was requested).")
            .AcceptsJson<ResyncRequest>()
            .Produces<ResyncAccepted>(StatusCodes.Status202Accepted)
            .Produces<ResyncAccepted>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequireRateLimiting(ApiRateLimitPolicies.Resync)
            .RequiresRole(ApiRole.Operator);
        return tenant;
    }

    private static async Task<IResult> ResyncAsync(
        string tenantId,
        HttpRequest request,
        ISyncErrorQueries queries,
        ResyncSubmitter submitter,
        AuditRecorder audit,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var ids = body is { } json ? ResyncRequestReader.ErrorIds(json, problems) : [];
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.ResyncInvalidTitle);
        }

        var found = await queries.GetManyAsync(tenantId, ids, cancellationToken);
        var unknown = ids.Except(found.Select(e => e.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ResyncRequestReader.ErrorIdsField] = [ProblemFormat.With(ProblemTexts.ErrorsNotOfTenant, string.Join(", ", unknown), "")] },
                title: ProblemTexts.ResyncUnknownIdsTitle,
                extensions: new Dictionary<string, object?> { ["unknownErrorIds"] = unknown });
        }

        var byId = found.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var answer = await submitter.SubmitAsync(tenantId, request.HttpContext.ApiPrincipal().Name, [.. ids.Select(id => byId[id])], cancellationToken);
        if (answer.RequestId is null)
        {
            return TypedResults.Ok(answer);
        }

        await audit.RecordAsync(
            request.HttpContext, tenantId, AuditActions.Resync, new { answer.RequestId, ErrorIds = answer.Accepted, Errors = answer.Accepted.Count }, null, null, cancellationToken);
        return TypedResults.Accepted(ResyncRequestEndpoints.PathOf(tenantId, answer.RequestId), answer);
    }
}

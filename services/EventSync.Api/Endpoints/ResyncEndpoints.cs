using EventSync.Api.Monitoring;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Contracts;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using MassTransit;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/resync</c>: moves the errors to resync-pending and sends a <see cref="ResyncErrors"/>
/// command; at most <see cref="ResyncErrors.MaxErrorIds"/> ids a request, all of them the tenant's. The request is
/// recorded as queued first, and 202 points at its progress (<c>Location: .../resync-requests/{requestId}</c>).
/// </summary>
internal static class ResyncEndpoints
{
    private const string ErrorIdsField = "errorIds";
    private const string Requester = "api";

    public static RouteGroupBuilder MapResync(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/resync", ResyncAsync)
            .WithName("ResyncErrors")
            .WithSummary($"Resync the records behind up to {ResyncErrors.MaxErrorIds} errors")
            .Produces<ResyncAccepted>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .RequireRateLimiting(ApiRateLimitPolicies.Resync);
        return tenant;
    }

    private static async Task<IResult> ResyncAsync(
        string tenantId,
        ResyncRequest request,
        ISyncErrorQueries queries,
        ISyncErrorStore errors,
        IResyncRequestStore requests,
        IPublishEndpoint publisher,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var ids = (request.ErrorIds ?? []).Where(id => !string.IsNullOrWhiteSpace(id)).Select(id => id.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (Validate(request, ids) is { } invalid)
        {
            return invalid;
        }

        var found = await queries.GetManyAsync(tenantId, ids, cancellationToken);
        var unknown = ids.Except(found.Select(e => e.Id), StringComparer.Ordinal).ToList();
        if (unknown.Count > 0)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [ErrorIdsField] = [$"Not errors of this tenant: {string.Join(", ", unknown)}."] },
                title: "Some error ids are unknown; nothing was resynced.",
                extensions: new Dictionary<string, object?> { ["unknownErrorIds"] = unknown });
        }

        var moved = (await errors.MarkResyncPendingAsync(tenantId, ids, cancellationToken)).Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var requestId = Guid.NewGuid().ToString();
        var accepted = ids.Where(moved.Contains).ToList();
        string? progress = null;
        if (accepted.Count > 0)
        {
            // Recorded as queued before the command goes out, so that its progress can be read at once; the resync
            // worker takes it from there (it leaves a request it finds recorded as it is).
            var requestedAt = clock.GetUtcNow();
            var header = new ResyncRequestHeader(requestId, tenantId, Requester, requestedAt, ResyncKind.Operator);
            await requests.AddRequestAsync(ResyncPlanner.Plan(header, [.. found.Where(e => moved.Contains(e.Id))]), cancellationToken);
            await publisher.Publish(
                new ResyncErrors { RequestId = requestId, TenantId = tenantId, ErrorIds = accepted, RequestedBy = Requester, RequestedAt = requestedAt },
                cancellationToken);
            ApiMetrics.ResyncRequested(accepted.Count);
            progress = ResyncRequestEndpoints.PathOf(tenantId, requestId);
        }

        var notMoved = found.Where(e => !moved.Contains(e.Id)).ToList();
        return TypedResults.Accepted(
            progress,
            new ResyncAccepted(
                requestId,
                accepted,
                notMoved.Where(e => e.State != SyncErrorState.Resolved).Select(e => e.Id).ToList(),
                notMoved.Where(e => e.State == SyncErrorState.Resolved).Select(e => e.Id).ToList()));
    }

    private static Microsoft.AspNetCore.Http.HttpResults.ValidationProblem? Validate(ResyncRequest request, List<string> ids)
    {
        var problems = new ValidationProblems();
        if (ids.Count == 0)
        {
            problems.Add(ErrorIdsField, "Name at least one error id.");
        }
        else if (request.ErrorIds!.Count > ResyncErrors.MaxErrorIds)
        {
            problems.Add(
                ErrorIdsField,
                $"At most {ResyncErrors.MaxErrorIds} error ids per request; this one has {request.ErrorIds.Count}. "
                + $"Send several requests of at most {ResyncErrors.MaxErrorIds} ids, or resync per error type.");
        }

        return problems.Any ? TypedResults.ValidationProblem(problems.ByField, title: "The resync request is not valid.") : null;
    }
}

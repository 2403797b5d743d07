using EventSync.Core.Resync;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/tenants/{tenantId}/resync-requests/{requestId}</c>: how far a resync request got, record by record.</summary>
internal static class ResyncRequestEndpoints
{
    public static RouteGroupBuilder MapResyncRequests(this RouteGroupBuilder tenant)
    {
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
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The tenant has no resync request '{requestId}'.")
            : TypedResults.Ok(ViewOf(request));
    }

    private static ResyncRequestView ViewOf(ResyncRequestRecord request) => new(
        request.RequestId,
        request.RequestedBy,
        request.RequestedAt,
        request.Kind.ToWire(),
        request.Outcome,
        Enum.GetValues<ResyncPartState>().ToDictionary(s => s.ToWire(), s => request.Parts.Count(p => p.State == s), StringComparer.Ordinal),
        request.SkippedErrorIds,
        [.. request.Parts.Select(p => new ResyncPartView(
            p.ObjectType, p.HubSpotId, p.SalesforceId, p.EngineId, p.ErrorIds, p.State.ToWire(), p.ExpectedAt, p.SentAt, p.CompletedAt, p.Reason))]);
}

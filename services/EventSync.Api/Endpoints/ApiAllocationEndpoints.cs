using System.Text.Json;
using EventSync.Api.Allocation;
using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Core.Audit;
using EventSync.Core.Usage;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET/PUT /api/tenants/{tenantId}/api-allocation</c>: the share of the Salesforce daily limit HubSpot's sync may use.
/// Every stored change is announced to the engines (<see cref="ApiAllocationAnnouncer"/>); the GET is for an engine that
/// starts or missed an announcement.
/// </summary>
internal static class ApiAllocationEndpoints
{
    private const string Field = "allocatedToHubSpot";

    public static RouteGroupBuilder MapApiAllocation(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/api-allocation", GetAsync)
            .WithName("GetApiAllocation")
            .WithSummary("The Salesforce API calls a day allocated to HubSpot (null: none) with the last reported usage, for engines that throttle to it")
            .Produces<CurrentApiAllocationView>();
        tenant.MapPut("/api-allocation", PutAsync)
            .WithName("PutApiAllocation")
            .WithSummary("Set the Salesforce API calls a day allocated to HubSpot (at most the Salesforce daily limit), or clear it with null; engines are told on eventsync.api-allocation")
            .AcceptsJson<ApiAllocationRequest>()
            .Produces<ApiAllocationView>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes);
        return tenant;
    }

    private static async Task<CurrentApiAllocationView> GetAsync(string tenantId, IApiUsageStore store, CancellationToken cancellationToken) =>
        CurrentApiAllocationView.Of(await store.GetAllocationAsync(tenantId, cancellationToken));

    private static async Task<IResult> PutAsync(
        string tenantId, HttpRequest request, IApiUsageStore store, AuditRecorder audit, ApiAllocationAnnouncer announcer, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        long? allocation = null;
        var valid = body is { } json && TryRead(json, problems, out allocation);
        var usage = await store.GetUsageAsync(tenantId, cancellationToken);
        if (allocation is { } requested && usage is not null && requested > usage.SalesforceLimit)
        {
            problems.Add(Field, ProblemFormat.With(ProblemTexts.AllocationAboveLimit, usage.SalesforceLimit, requested));
        }

        if (problems.Any || !valid)
        {
            return problems.ToResult(ProblemTexts.AllocationInvalidTitle);
        }

        var stored = await store.SetAllocationAsync(tenantId, allocation, cancellationToken);
        // The allocation before is known once an engine reported figures: the store keeps no other record of it.
        var before = usage is null ? null : new { usage.AllocatedToHubSpot };
        await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.AllocationChanged, null, before, new { stored.AllocatedToHubSpot }, cancellationToken);
        await announcer.AnnounceAsync(stored, request.HttpContext.ApiPrincipal().Name, cancellationToken);
        return TypedResults.Ok(new ApiAllocationView(stored.UsedLast24h, stored.SalesforceLimit, stored.AllocatedToHubSpot, stored.ReportedAt));
    }

    // An explicit null clears the allocation (not set); a missing field is still refused, so a typo never clears it.
    private static bool TryRead(JsonElement body, ValidationProblems problems, out long? calls)
    {
        calls = null;
        if (body.EnumerateObject().Any(p => string.Equals(p.Name, Field, StringComparison.OrdinalIgnoreCase) && p.Value.ValueKind == JsonValueKind.Null))
        {
            return true;
        }

        if (!JsonRequestBody.TryGet(body, Field, out var value))
        {
            problems.Add(Field, ProblemTexts.AllocationRequired);
            return false;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var whole) && whole >= 0)
        {
            calls = whole;
            return true;
        }

        problems.Add(Field, ProblemFormat.With(ProblemTexts.AllocationInvalid, value.GetRawText()));
        return false;
    }
}

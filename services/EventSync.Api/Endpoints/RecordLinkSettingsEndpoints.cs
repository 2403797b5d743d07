using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Settings;
using EventSync.Core.Audit;
using EventSync.Core.Links;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET</c> and <c>PUT /api/tenants/{tenantId}/links</c>: where the tenant's records live in HubSpot and in Salesforce,
/// from which every record id in the errors, views and exports links to its record.
/// </summary>
internal static class RecordLinkSettingsEndpoints
{
    public static RouteGroupBuilder MapRecordLinkSettings(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/links", GetAsync)
            .WithName("GetRecordLinkSettings")
            .WithSummary("Where the tenant's records live in HubSpot and Salesforce (all null while none were saved)")
            .Produces<RecordLinkSettingsView>();
        tenant.MapPut("/links", PutAsync)
            .WithName("PutRecordLinkSettings")
            .WithSummary("Replace where the tenant's records live, for links to them")
            .AcceptsJson<RecordLinkSettingsView>()
            .Produces<RecordLinkSettingsView>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes);
        return tenant;
    }

    private static async Task<RecordLinkSettingsView> GetAsync(string tenantId, IRecordLinkSettingsStore store, CancellationToken cancellationToken) =>
        ViewOf(await store.GetAsync(tenantId, cancellationToken));

    private static async Task<IResult> PutAsync(
        string tenantId, HttpRequest request, IRecordLinkSettingsStore store, AuditRecorder audit, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var settings = body is { } json ? RecordLinkSettingsReader.Read(tenantId, json, problems) : null;
        if (problems.Any || settings is null)
        {
            return problems.ToResult(ProblemTexts.RecordLinksInvalidTitle);
        }

        var before = await store.GetAsync(tenantId, cancellationToken);
        await store.SaveAsync(settings, cancellationToken);
        await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.RecordLinksChanged, null, ViewOf(before), ViewOf(settings), cancellationToken);
        return TypedResults.Ok(ViewOf(settings));
    }

    private static RecordLinkSettingsView ViewOf(RecordLinkSettings settings) => new(settings.HubSpotPortalId, settings.HubSpotAppUrl, settings.SalesforceInstanceUrl);
}

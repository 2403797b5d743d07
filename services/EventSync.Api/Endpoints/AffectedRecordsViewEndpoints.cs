using System.Runtime.CompilerServices;
using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Core.Audit;
using EventSync.Core.Errors;
using EventSync.Core.Links;
using EventSync.Core.Views;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/views</c> saves a filter of the errors (validated as the error list's) for
/// <see cref="ApiOptions.ViewLifetime"/>; <c>GET .../views/{viewId}</c> lists the records it affects.
/// </summary>
internal static class AffectedRecordsViewEndpoints
{
    /// <summary>Where a view opens as a page of the dashboard (the tenant in the query: <c>/views/{viewId}?tenant={tenantId}</c>).</summary>
    public const string PagePattern = "/views/{viewId}";

    public static string PageOf(string tenantId, string viewId) => $"/views/{Uri.EscapeDataString(viewId)}?tenant={Uri.EscapeDataString(tenantId)}";

    public static RouteGroupBuilder MapAffectedRecordsViews(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/views", CreateAsync)
            .WithName("CreateView")
            .WithSummary("Save a temporary view of the records affected by the errors a filter selects")
            .AcceptsJson<ViewFilter>()
            .Produces<ViewCreated>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Operator);
        tenant.MapGet("/views/{viewId}", GetAsync)
            .WithName("GetView")
            .WithSummary("A temporary view: its filter and the affected records with the error types on each")
            .Produces<AffectedRecordsViewResponse>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .TakesTenantReadSlot();
        return tenant;
    }

    private static async Task<IResult> CreateAsync(
        string tenantId,
        HttpRequest request,
        IViewStore views,
        AuditRecorder audit,
        TimeProvider clock,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var query = body is { } json ? ErrorFilterReader.Read(tenantId, ErrorFilterBody.Read(json, problems), problems) : null;
        if (problems.Any || query is null)
        {
            return problems.ToResult(ProblemTexts.ViewFilterInvalidTitle);
        }

        var now = clock.GetUtcNow();
        var view = new AffectedRecordsView(Guid.NewGuid().ToString("N"), tenantId, query, now, now + options.Value.ViewLifetime);
        await views.SaveAsync(view, cancellationToken);
        await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.ViewCreated, new { ViewId = view.Id, view.ExpiresAt }, null, ViewFilter.Of(query), cancellationToken);
        var url = $"/api/tenants/{Uri.EscapeDataString(tenantId)}/views/{view.Id}";
        return TypedResults.Created(url, new ViewCreated(view.Id, view.ExpiresAt, url, PageOf(tenantId, view.Id)));
    }

    private static async Task<IResult> GetAsync(
        string tenantId,
        string viewId,
        IViewStore views,
        IAffectedRecordQueries records,
        IRecordLinkSettingsStore linkSettings,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var view = await views.GetAsync(tenantId, viewId, clock.GetUtcNow(), cancellationToken);
        if (view is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.NotFoundTitle, detail: ProblemFormat.With(ProblemTexts.NoView, viewId));
        }

        var links = await linkSettings.GetAsync(tenantId, cancellationToken);
        return TypedResults.Ok(new AffectedRecordsViewResponse(
            view.Id,
            view.CreatedAt,
            view.ExpiresAt,
            ViewFilter.Of(view.Filter),
            RecordsAsync(records.AffectedRecordsAsync(view.Filter, cancellationToken), links, cancellationToken)));
    }

    private static async IAsyncEnumerable<AffectedRecordView> RecordsAsync(
        IAsyncEnumerable<AffectedRecord> records, RecordLinkSettings links, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            yield return new AffectedRecordView(
                record.ObjectType, record.HubSpotId, record.SalesforceId, record.ErrorTypes, RecordLinks.Of(links, record.ObjectType, record.HubSpotId, record.SalesforceId));
        }
    }
}

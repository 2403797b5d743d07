using EventSync.Api.RateLimiting;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Core.Usage;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/sync-health</c>: API usage, one card per error type, and the distinct problems behind the
/// Other card (its errors grouped by fingerprint, the largest first).
/// </summary>
internal static class SyncHealthEndpoints
{
    public static RouteGroupBuilder MapSyncHealth(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/sync-health", GetAsync)
            .WithName("GetSyncHealth")
            .WithSummary("API usage and the current errors per error type, largest impact first")
            .TakesTenantReadSlot();
        return tenant;
    }

    private const int UnknownGroupsShown = 20;

    private static async Task<SyncHealthResponse> GetAsync(
        string tenantId,
        string? lang,
        ISyncErrorStore errors,
        ISyncErrorQueries queries,
        IUnknownErrorGroupQueries unknownGroups,
        IApiUsageStore usage,
        CancellationToken cancellationToken)
    {
        var cards = await errors.GetErrorCardsAsync(tenantId, cancellationToken);
        var assigned = await queries.CountAssignedAsync(tenantId, cancellationToken);
        var groups = cards.Any(c => c.ErrorType == ErrorCatalog.UnknownType)
            ? await unknownGroups.GetUnknownGroupsAsync(tenantId, UnknownGroupsShown, cancellationToken)
            : [];
        var apiUsage = await usage.GetUsageAsync(tenantId, cancellationToken);
        var language = LocalizedText.LanguageFor(lang);
        return new SyncHealthResponse(
            tenantId,
            apiUsage is null ? null : new ApiUsageView(apiUsage.UsedLast24h, apiUsage.SalesforceLimit, apiUsage.AllocatedToHubSpot, apiUsage.ReportedAt),
            cards.Select(c => ErrorCardView.Of(c, language, assigned)).ToList(),
            groups.Select(g => new UnknownErrorGroupView(g.Fingerprint, g.CurrentErrors, g.AffectedRecords, g.SampleStatusCode, g.SampleMessage, g.LastSeen)).ToList());
    }
}

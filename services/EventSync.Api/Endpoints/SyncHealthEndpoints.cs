using EventSync.Core.Catalog;
using EventSync.Core.Storage;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/tenants/{tenantId}/sync-health</c>: API usage and one card per error type.</summary>
internal static class SyncHealthEndpoints
{
    public static RouteGroupBuilder MapSyncHealth(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/sync-health", GetAsync)
            .WithName("GetSyncHealth")
            .WithSummary("API usage and the current errors per error type, largest impact first");
        return tenant;
    }

    private static async Task<SyncHealthResponse> GetAsync(string tenantId, string? lang, ISyncErrorStore errors, IApiUsageStore usage, CancellationToken cancellationToken)
    {
        var cards = await errors.GetErrorCardsAsync(tenantId, cancellationToken);
        var apiUsage = await usage.GetUsageAsync(tenantId, cancellationToken);
        var language = LocalizedText.LanguageFor(lang);
        return new SyncHealthResponse(
            tenantId,
            apiUsage is null ? null : new ApiUsageView(apiUsage.UsedLast24h, apiUsage.SalesforceLimit, apiUsage.AllocatedToHubSpot, apiUsage.ReportedAt),
            cards.Select(c => new ErrorCardView(c.Category, c.ErrorType, ErrorCatalog.Default.Get(c.ErrorType).Title.In(language), c.CurrentErrors, c.AffectedRecords)).ToList());
    }
}

using EventSync.Api.RateLimiting;
using EventSync.Api.Requests;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/cards/recount</c>: counts the tenant's cards again from its errors while everything runs,
/// the repair for counters that drifted, and answers the cards as counted.
/// </summary>
internal static class ErrorCardRecountEndpoints
{
    public static RouteGroupBuilder MapErrorCardRecount(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/cards/recount", RecountAsync)
            .WithName("RecountErrorCards")
            .WithSummary("Count the tenant's error cards again from its errors (repairs counters that drifted)")
            .Produces<IReadOnlyList<ErrorCardView>>()
            .TakesTenantReadSlot()
            .TakesNoBody();
        return tenant;
    }

    private static async Task<IReadOnlyList<ErrorCardView>> RecountAsync(
        string tenantId, string? lang, IErrorCardRecount recount, ISyncErrorQueries queries, CancellationToken cancellationToken)
    {
        var cards = await recount.RecountAsync(tenantId, cancellationToken);
        var assigned = await queries.CountAssignedAsync(tenantId, cancellationToken);
        var language = LocalizedText.LanguageFor(lang);
        return [.. cards.Select(c => ErrorCardView.Of(c, language, assigned))];
    }
}

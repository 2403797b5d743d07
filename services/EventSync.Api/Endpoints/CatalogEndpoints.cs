using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Core.Catalog;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/catalog</c>: the public taxonomy with titles, meanings and fixes; no key needed.</summary>
internal static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalog(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/catalog", Get)
            .WithName("GetCatalog")
            .WithSummary("The error taxonomy in English or Polish (?lang=en|pl)")
            .Produces<LocalizedCatalog>()
            .ProducesValidationProblem();
        return routes;
    }

    private static IResult Get(string? lang)
    {
        var problems = new ValidationProblems();
        var language = LanguageParameter.Read(lang, problems);
        return problems.Any
            ? problems.ToResult(ProblemTexts.QueryInvalidTitle)
            : TypedResults.Ok(LocalizedCatalog.From(ErrorCatalog.Default, language));
    }
}

using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Errors;
using ISyncFailureClassifier = EventSync.Core.Classification.ISyncFailureClassifier;
using EventSync.Core.Links;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/tenants/{tenantId}/errors</c> (filtered keyset pages) and <c>.../errors/{id}</c> (one error in detail).</summary>
internal static class ErrorEndpoints
{
    public static RouteGroupBuilder MapErrors(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/errors", ListAsync)
            .WithName("ListErrors")
            .WithSummary("The tenant's errors, newest first, filtered, with meaning and fix; cursor paging")
            .Produces<ErrorListResponse>()
            .ProducesValidationProblem()
            .TakesTenantReadSlot();
        tenant.MapGet("/errors/{errorId}", GetAsync)
            .WithName("GetError")
            .WithSummary("One error with the rule that decided it and why, the errors as reported and its recent occurrences")
            .Produces<ErrorDetailView>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return tenant;
    }

    private static async Task<IResult> ListAsync(
        string tenantId,
        [AsParameters] ErrorFilterParameters filter,
        [AsParameters] PageParameters page,
        ISyncErrorQueries queries,
        IRecordLinkSettingsStore linkSettings,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var query = ErrorFilterReader.Read(tenantId, filter, problems);
        var language = LanguageParameter.Read(filter.Lang, problems);
        var limit = page.ReadLimit(options.Value, problems);
        var after = page.ReadCursor(problems) is { } cursor ? new ErrorPageCursor(cursor.At, cursor.Id) : null;

        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var result = await queries.ListAsync(query, after, limit, cancellationToken);
        var links = await linkSettings.GetAsync(tenantId, cancellationToken);
        return TypedResults.Ok(new ErrorListResponse(
            result.Errors.Select(e => ErrorViews.Of(e, language!, links)).ToList(),
            result.Next is null ? null : PageCursorCodec.Encode(result.Next.LastSeen, result.Next.Id)));
    }

    private static async Task<IResult> GetAsync(
        string tenantId,
        string errorId,
        string? lang,
        ISyncErrorStore store,
        IRecordLinkSettingsStore linkSettings,
        ISyncFailureClassifier classifier,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var language = LanguageParameter.Read(lang, problems);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var error = await store.GetAsync(tenantId, errorId, cancellationToken);
        return error is null || error.TenantId != tenantId
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.NotFoundTitle, detail: ProblemFormat.With(ProblemTexts.NoError, errorId))
            : TypedResults.Ok(ErrorViews.DetailOf(error, language!, await linkSettings.GetAsync(tenantId, cancellationToken), classifier));
    }
}

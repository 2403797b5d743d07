using System.Text.RegularExpressions;
using EventSync.Api.Export;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Errors;
using EventSync.Core.Links;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/tenants/{tenantId}/errors/export.csv</c>: the filtered errors as a streamed CSV download.</summary>
internal static partial class ErrorExportEndpoints
{
    public static RouteGroupBuilder MapErrorExport(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/errors/export.csv", ExportAsync)
            .WithName("ExportErrors")
            .WithSummary("The tenant's errors as CSV (same filters as the list), streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .TakesTenantReadSlot()
            .RequireRateLimiting(ApiRateLimitPolicies.Export);
        return tenant;
    }

    private static async Task<IResult> ExportAsync(
        string tenantId,
        [AsParameters] ErrorFilterParameters filter,
        HttpResponse response,
        ISyncErrorQueries queries,
        IRecordLinkSettingsStore linkSettings,
        TimeProvider clock,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var query = ErrorFilterReader.Read(tenantId, filter, problems);
        var language = LanguageParameter.Read(filter.Lang, problems);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(tenantId, query, clock.GetUtcNow())}\"";
        var links = await linkSettings.GetAsync(tenantId, cancellationToken);
        var flushEveryRows = Math.Max(1, options.Value.ExportFlushEveryRows);
        return TypedResults.Stream(
            body => ErrorCsvWriter.WriteAsync(body, queries.StreamAsync(query, response.HttpContext.RequestAborted), language!, links, flushEveryRows, response.HttpContext.RequestAborted),
            contentType: "text/csv; charset=utf-8");
    }

    /// <summary>
    /// Says whose errors, which ones and when (UTC), as the dashboard names its downloads:
    /// <c>sync-errors_{tenant}[_{type or category}[-{fingerprint}]]_{yyyy-MM-ddTHHmm}Z.csv</c>.
    /// </summary>
    private static string FileName(string tenantId, ErrorQuery query, DateTimeOffset now)
    {
        var selection = query.ErrorType ?? query.Category;
        if (query.Fingerprint is { } fingerprint)
        {
            selection = selection is null ? fingerprint : $"{selection}-{fingerprint}";
        }

        var when = now.UtcDateTime.ToString("yyyy-MM-dd'T'HHmm'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var parts = new[] { "sync-errors", tenantId, selection, when }.OfType<string>().Select(SafeFileNamePart);
        return $"{string.Join('_', parts)}.csv";
    }

    /// <summary>A part of a download's file name: any character but letters, digits, '.', '_' and '-' becomes '-'.</summary>
    public static string SafeFileNamePart(string part) => UnsafeFileNameCharacters().Replace(part, "-");

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeFileNameCharacters();
}

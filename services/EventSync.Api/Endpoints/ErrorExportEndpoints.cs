using System.Text.RegularExpressions;
using EventSync.Api.Export;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Storage;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/tenants/{tenantId}/errors/export.csv</c>: the filtered errors as a streamed CSV download.</summary>
internal static partial class ErrorExportEndpoints
{
    public static RouteGroupBuilder MapErrorExport(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/errors/export.csv", Export)
            .WithName("ExportErrors")
            .WithSummary("The tenant's errors as CSV (same filters as the list), streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .TakesTenantReadSlot()
            .RequireRateLimiting(ApiRateLimitPolicies.Export);
        return tenant;
    }

    private static IResult Export(
        string tenantId,
        [AsParameters] ErrorFilterParameters filter,
        HttpResponse response,
        ISyncErrorQueries queries,
        IOptions<ApiOptions> options)
    {
        var problems = new ValidationProblems();
        var query = ErrorFilterReader.Read(tenantId, filter, problems);
        var language = LanguageParameter.Read(filter.Lang, problems);
        if (problems.Any)
        {
            return problems.ToResult("The query is not valid.");
        }

        response.Headers.ContentDisposition = $"attachment; filename=\"sync-errors-{UnsafeFileNameCharacters().Replace(tenantId, "_")}.csv\"";
        var flushEveryRows = Math.Max(1, options.Value.ExportFlushEveryRows);
        return TypedResults.Stream(
            body => ErrorCsvWriter.WriteAsync(body, queries.StreamAsync(query, response.HttpContext.RequestAborted), language!, flushEveryRows, response.HttpContext.RequestAborted),
            contentType: "text/csv; charset=utf-8");
    }

    [GeneratedRegex("[^A-Za-z0-9._-]")]
    private static partial Regex UnsafeFileNameCharacters();
}

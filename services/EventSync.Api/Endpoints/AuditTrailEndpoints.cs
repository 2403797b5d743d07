using System.Globalization;
using System.Runtime.CompilerServices;
using EventSync.Api.Export;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.RateLimiting;
using EventSync.Core.Audit;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>GET /api/tenants/{tenantId}/audit</c> (who changed what, when: newest first, cursor pages, filtered by action and
/// principal) and <c>.../audit/export.csv</c> (the same entries as a streamed CSV download). Readers of the tenant may read both.
/// </summary>
internal static class AuditTrailEndpoints
{
    private const int ExportChunk = 500;

    public static RouteGroupBuilder MapAuditTrail(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/audit", ListAsync)
            .WithName("ListAuditEntries")
            .WithSummary("Who changed what in the tenant and when, newest first, with the values before and after; filter by action and principal, cursor paging")
            .WithDescription($"Actions: {string.Join(", ", AuditActions.All)}.")
            .Produces<AuditListResponse>()
            .ProducesValidationProblem()
            .TakesTenantReadSlot();
        tenant.MapGet("/audit/export.csv", ExportAsync)
            .WithName("ExportAuditEntries")
            .WithSummary("The tenant's audit trail as CSV (same filters as the list), newest first, streamed")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .ProducesValidationProblem()
            .TakesTenantReadSlot()
            .RequireRateLimiting(ApiRateLimitPolicies.Export);
        return tenant;
    }

    private static async Task<IResult> ListAsync(
        string tenantId,
        [AsParameters] AuditFilterParameters filter,
        [AsParameters] PageParameters page,
        IAuditTrailStore audit,
        IOptions<ApiOptions> options,
        CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var query = filter.Read(tenantId, problems);
        var limit = page.ReadLimit(options.Value, problems);
        var cursor = page.ReadCursor(problems);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var after = cursor is { } at ? new AuditPageCursor(at.At, at.Id) : null;
        var result = await audit.ListAsync(query, after, limit, cancellationToken);
        return TypedResults.Ok(new AuditListResponse(
            [.. result.Entries.Select(AuditEntryView.Of)],
            result.Next is null ? null : PageCursorCodec.Encode(result.Next.At, result.Next.EntryId)));
    }

    private static IResult ExportAsync(
        string tenantId,
        [AsParameters] AuditFilterParameters filter,
        HttpResponse response,
        IAuditTrailStore audit,
        TimeProvider clock,
        IOptions<ApiOptions> options)
    {
        var problems = new ValidationProblems();
        var query = filter.Read(tenantId, problems);
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.QueryInvalidTitle);
        }

        var when = clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HHmm'Z'", CultureInfo.InvariantCulture);
        response.Headers.ContentDisposition = $"attachment; filename=\"audit_{ErrorExportEndpoints.SafeFileNamePart(tenantId)}_{when}.csv\"";
        var aborted = response.HttpContext.RequestAborted;
        return TypedResults.Stream(
            body => AuditCsvWriter.WriteAsync(body, EntriesAsync(audit, query, aborted), Math.Max(1, options.Value.ExportFlushEveryRows), aborted),
            contentType: "text/csv; charset=utf-8");
    }

    private static async IAsyncEnumerable<AuditEntry> EntriesAsync(IAuditTrailStore audit, AuditQuery query, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        AuditPageCursor? after = null;
        do
        {
            var page = await audit.ListAsync(query, after, ExportChunk, cancellationToken);
            foreach (var entry in page.Entries)
            {
                yield return entry;
            }

            after = page.Next;
        }
        while (after is not null);
    }
}

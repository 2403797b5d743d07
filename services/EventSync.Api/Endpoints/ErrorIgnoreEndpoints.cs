using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Core.Audit;
using EventSync.Core.Errors;

namespace EventSync.Api.Endpoints;

/// <summary>
/// <c>POST /api/tenants/{tenantId}/errors/ignore</c> takes errors off the cards, digests and alerts (state <c>ignored</c>)
/// until a date, until they failed a number of times more (they then reopen), or until restored; a sync of the record
/// still resolves them. <c>POST .../errors/restore</c> brings ignored errors back as open.
/// </summary>
internal static class ErrorIgnoreEndpoints
{
    private static readonly SyncErrorState[] Restorable = [SyncErrorState.Ignored];

    public static RouteGroupBuilder MapErrorIgnore(this RouteGroupBuilder tenant)
    {
        tenant.MapPost("/errors/ignore", IgnoreAsync)
            .WithName("IgnoreErrors")
            .WithSummary("Ignore errors until a date, until they failed a number of times more, or until restored")
            .WithDescription(
                $"The errors by id (errorIds, at most {ErrorSelection.MaxErrorIds}) or by the error list's filter (filter, {{}} for all). "
                + "Ignored errors leave the cards, digests and alerts, and are listed with state=ignored; ignoring an ignored error "
                + "sets its conditions anew; resolved errors are left as they are.")
            .AcceptsJson<ErrorIgnoreRequest>()
            .Produces<ErrorsChanged>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Operator);
        tenant.MapPost("/errors/restore", RestoreAsync)
            .WithName("RestoreErrors")
            .WithSummary("Bring ignored errors back as open")
            .WithDescription($"The errors by id (errorIds, at most {ErrorSelection.MaxErrorIds}) or by the error list's filter (filter); errors not ignored are left as they are.")
            .AcceptsJson<ErrorRestoreRequest>()
            .Produces<ErrorsChanged>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Operator);
        return tenant;
    }

    private static async Task<IResult> IgnoreAsync(
        string tenantId, HttpRequest request, ErrorSelection selection, ISyncErrorStore store, AuditRecorder audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        if (await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken) is not { } body)
        {
            return problems.ToResult(ProblemTexts.IgnoreInvalidTitle);
        }

        var ignore = ErrorIgnoreReader.Read(body, request.HttpContext.ApiPrincipal().Name, clock.GetUtcNow(), problems);
        var ids = problems.Any ? null : await selection.ReadAsync(tenantId, body, SyncErrorStates.Unresolved, problems, cancellationToken);
        if (ids is null)
        {
            return problems.ToResult(ProblemTexts.IgnoreInvalidTitle);
        }

        var changed = await store.IgnoreAsync(tenantId, ids, ignore, cancellationToken);
        if (changed.Count > 0)
        {
            await audit.RecordAsync(
                request.HttpContext, tenantId, AuditActions.ErrorIgnored, ErrorsChanged.Touched(changed), null, new { ignore.Until, ignore.UntilOccurrences, ignore.Reason }, cancellationToken);
        }

        return TypedResults.Ok(ErrorsChanged.Of(ids, changed));
    }

    private static async Task<IResult> RestoreAsync(
        string tenantId, HttpRequest request, ErrorSelection selection, ISyncErrorStore store, AuditRecorder audit, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var ids = body is { } json ? await selection.ReadAsync(tenantId, json, Restorable, problems, cancellationToken) : null;
        if (ids is null)
        {
            return problems.ToResult(ProblemTexts.RestoreInvalidTitle);
        }

        var changed = await store.RestoreAsync(tenantId, ids, cancellationToken);
        if (changed.Count > 0)
        {
            await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.ErrorRestored, ErrorsChanged.Touched(changed), null, null, cancellationToken);
        }

        return TypedResults.Ok(ErrorsChanged.Of(ids, changed));
    }
}

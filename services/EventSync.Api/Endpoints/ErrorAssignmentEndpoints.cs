using EventSync.Api.Assignment;
using EventSync.Api.Audit;
using EventSync.Api.Localization;
using EventSync.Api.Queries;
using EventSync.Api.Requests;
using EventSync.Api.Security;
using EventSync.Core.Audit;
using EventSync.Core.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EventSync.Api.Endpoints;

/// <summary>
/// Who looks at which errors, and what they wrote: <c>PUT /api/tenants/{tenantId}/errors/assignee</c> (many, by id or
/// filter), <c>PUT .../errors/{errorId}/assignee</c> (one) and <c>POST .../errors/{errorId}/notes</c>. An assignee who is
/// an email address is emailed (<see cref="EventSync.Contracts.ErrorsAssigned"/>); the list filters by assignee.
/// </summary>
internal static class ErrorAssignmentEndpoints
{

    public static RouteGroupBuilder MapErrorAssignment(this RouteGroupBuilder tenant)
    {
        tenant.MapPut("/errors/assignee", AssignManyAsync)
            .WithName("AssignErrors")
            .WithSummary("Assign errors to a person (or to nobody), by id or by the error list's filter")
            .WithDescription($"errorIds (at most {ErrorSelection.MaxErrorIds}) or filter ({{}} for all), and assignee: an email address (emailed), a name, or null.")
            .AcceptsJson<ErrorAssignmentRequest>()
            .Produces<ErrorsChanged>()
            .ProducesValidationProblem()
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Operator);
        tenant.MapPut("/errors/{errorId}/assignee", AssignOneAsync)
            .WithName("AssignError")
            .WithSummary("Assign one error to a person (or to nobody)")
            .AcceptsJson<ErrorAssigneeRequest>()
            .Produces<ErrorsChanged>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Operator);
        tenant.MapPost("/errors/{errorId}/notes", AddNoteAsync)
            .WithName("AddErrorNote")
            .WithSummary("Write a note on an error")
            .AcceptsJson<ErrorNoteRequest>()
            .Produces<ErrorNote>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithBodyLimit(tenant, o => o.MaxSmallBodyBytes)
            .RequiresRole(ApiRole.Operator);
        return tenant;
    }

    private static async Task<IResult> AssignManyAsync(
        string tenantId, HttpRequest request, ErrorSelection selection, ErrorAssigner assigner, AuditRecorder audit, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        if (await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken) is not { } body)
        {
            return problems.ToResult(ProblemTexts.AssignmentInvalidTitle);
        }

        var assignee = AssignmentReader.Assignee(body, problems);
        var ids = problems.Any ? null : await selection.ReadAsync(tenantId, body, SyncErrorStates.Unresolved, problems, cancellationToken);
        if (ids is null)
        {
            return problems.ToResult(ProblemTexts.AssignmentInvalidTitle);
        }

        var changed = await assigner.AssignAsync(tenantId, ids, assignee, request.HttpContext.ApiPrincipal().Name, cancellationToken);
        if (changed.Count > 0)
        {
            await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.ErrorAssigned, ErrorsChanged.Touched(changed), null, new { Assignee = assignee }, cancellationToken);
        }

        return TypedResults.Ok(ErrorsChanged.Of(ids, changed));
    }

    private static async Task<IResult> AssignOneAsync(
        string tenantId, string errorId, HttpRequest request, ISyncErrorQueries queries, ErrorAssigner assigner, AuditRecorder audit, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var assignee = body is { } json ? AssignmentReader.Assignee(json, problems) : null;
        if (problems.Any)
        {
            return problems.ToResult(ProblemTexts.AssignmentInvalidTitle);
        }

        var found = await queries.GetManyAsync(tenantId, [errorId], cancellationToken);
        if (found.Count == 0)
        {
            return NotFound(errorId);
        }

        var changed = await assigner.AssignAsync(tenantId, [errorId], assignee, request.HttpContext.ApiPrincipal().Name, cancellationToken);
        if (changed.Count > 0)
        {
            await audit.RecordAsync(
                request.HttpContext, tenantId, AuditActions.ErrorAssigned, ErrorsChanged.Touched(changed), new { found[0].Assignee }, new { Assignee = assignee }, cancellationToken);
        }

        return TypedResults.Ok(ErrorsChanged.Of([errorId], changed));
    }

    private static async Task<IResult> AddNoteAsync(
        string tenantId, string errorId, HttpRequest request, ISyncErrorStore store, AuditRecorder audit, TimeProvider clock, CancellationToken cancellationToken)
    {
        var problems = new ValidationProblems();
        var body = await JsonRequestBody.ReadObjectAsync(request, problems, cancellationToken);
        var text = body is { } json ? AssignmentReader.NoteText(json, problems) : null;
        if (text is null)
        {
            return problems.ToResult(ProblemTexts.NoteInvalidTitle);
        }

        var note = new ErrorNote(request.HttpContext.ApiPrincipal().Name, clock.GetUtcNow(), text);
        if (await store.AddNoteAsync(tenantId, errorId, note, cancellationToken) is null)
        {
            return NotFound(errorId);
        }

        await audit.RecordAsync(request.HttpContext, tenantId, AuditActions.ErrorNoteAdded, new { ErrorId = errorId }, null, new { note.Text }, cancellationToken);
        return TypedResults.Created($"/api/tenants/{Uri.EscapeDataString(tenantId)}/errors/{Uri.EscapeDataString(errorId)}", note);
    }

    private static ProblemHttpResult NotFound(string errorId) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.NotFoundTitle, detail: ProblemFormat.With(ProblemTexts.NoError, errorId));
}

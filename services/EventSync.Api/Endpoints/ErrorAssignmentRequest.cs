namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>PUT /api/tenants/{tenantId}/errors/assignee</c>: the errors (<see cref="ErrorIds"/> or <see cref="Filter"/>) and who looks at them (null: nobody).</summary>
public sealed record ErrorAssignmentRequest(IReadOnlyList<string>? ErrorIds, ViewFilter? Filter, string? Assignee);

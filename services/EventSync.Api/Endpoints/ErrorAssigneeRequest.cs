namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>PUT /api/tenants/{tenantId}/errors/{errorId}/assignee</c>: a person's email address or name, or null for nobody.</summary>
public sealed record ErrorAssigneeRequest(string? Assignee);

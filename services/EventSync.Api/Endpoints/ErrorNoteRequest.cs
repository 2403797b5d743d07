namespace EventSync.Api.Endpoints;

/// <summary>The body of <c>POST /api/tenants/{tenantId}/errors/{errorId}/notes</c>.</summary>
public sealed record ErrorNoteRequest(string Text);

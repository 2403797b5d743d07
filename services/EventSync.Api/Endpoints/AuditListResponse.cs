namespace EventSync.Api.Endpoints;

/// <summary>One page of the tenant's audit trail, newest first; <see cref="Next"/> is the next page's cursor, null on the last.</summary>
internal sealed record AuditListResponse(IReadOnlyList<AuditEntryView> Items, string? Next);

namespace EventSync.Core.Audit;

/// <summary>Which entries of a tenant's audit trail to list: all, or only one action's, or only one principal's, or both.</summary>
public sealed record AuditQuery(string TenantId, string? Action = null, string? Principal = null);

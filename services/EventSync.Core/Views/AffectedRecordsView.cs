using EventSync.Core.Errors;

namespace EventSync.Core.Views;

/// <summary>A saved filter over a tenant's current errors, listed as affected records until it expires.</summary>
public sealed record AffectedRecordsView(string Id, string TenantId, ErrorQuery Filter, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);

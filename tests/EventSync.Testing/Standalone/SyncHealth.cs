namespace EventSync.Testing.Standalone;

/// <summary><c>GET /api/tenants/{t}/sync-health</c> as a client reads it.</summary>
public sealed record SyncHealth(string TenantId, ApiUsageFigures? ApiUsage, IReadOnlyList<ErrorCardFigures> ErrorCards);

namespace EventSync.Standalone.Tests.Infrastructure;

/// <summary><c>GET /api/tenants/{t}/sync-health</c> as a client reads it.</summary>
public sealed record SyncHealth(string TenantId, ApiUsageFigures? ApiUsage, IReadOnlyList<ErrorCardFigures> ErrorCards);

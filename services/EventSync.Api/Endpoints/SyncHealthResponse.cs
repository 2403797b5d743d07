namespace EventSync.Api.Endpoints;

internal sealed record SyncHealthResponse(
    string TenantId, ApiUsageView? ApiUsage, IReadOnlyList<ErrorCardView> ErrorCards, IReadOnlyList<UnknownErrorGroupView> UnknownGroups);

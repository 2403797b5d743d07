namespace EventSync.Standalone;

internal static partial class StandaloneLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Demo: published {FailureCount} failure events of tenant {TenantId}; see GET /api/tenants/{TenantId}/sync-health")]
    public static partial void DemoPublished(this ILogger logger, int failureCount, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No EventSync:Api:AdminKey configured: a local admin key was generated and written to {KeyFile} (readable by this user only)")]
    public static partial void LocalAdminKeyCreated(this ILogger logger, string keyFile);
}

using EventSync.Contracts;

namespace EventSync.Classifier;

/// <summary>The classifier's log messages, with named properties.</summary>
internal static partial class ClassifierLog
{
    /// <summary>A batch spans messages, so no per-message log context applies: the line names the tenants and events itself.</summary>
    public static void FailuresRecorded(this ILogger logger, IReadOnlyList<SyncFailureReported> failures, int changeCount)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.FailuresRecorded(failures.Count, changeCount, failures.Select(f => f.TenantId).Distinct().ToList(), failures.Select(f => f.EventId).ToList());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Recorded {FailureCount} failure events of tenants {TenantIds}: {ChangeCount} errors changed; events {EventIds}")]
    private static partial void FailuresRecorded(this ILogger logger, int failureCount, int changeCount, IReadOnlyList<string> tenantIds, IReadOnlyList<string> eventIds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Record {ObjectType} {HubSpotId}/{SalesforceId} of {TenantId} synced: {ResolvedCount} errors resolved")]
    public static partial void RecordResolved(this ILogger logger, string objectType, string? hubSpotId, string? salesforceId, string tenantId, int resolvedCount);
}

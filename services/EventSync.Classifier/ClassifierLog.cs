using EventSync.Contracts;
using EventSync.Core.Errors;

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

    /// <summary>Like <see cref="FailuresRecorded(ILogger, IReadOnlyList{SyncFailureReported}, int)"/>, the line names the records itself.</summary>
    public static void RecordsResolved(this ILogger logger, IReadOnlyList<RecordResolution> resolutions, int resolvedCount)
    {
        if (logger.IsEnabled(LogLevel.Debug))
        {
            logger.RecordsResolved(
                resolutions.Count,
                resolvedCount,
                resolutions.Select(r => r.TenantId).Distinct().ToList(),
                resolutions.Select(r => $"{r.ObjectType} {r.HubSpotId}/{r.SalesforceId}").ToList());
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{RecordCount} records of tenants {TenantIds} synced: {ResolvedCount} errors resolved; records {Records}")]
    private static partial void RecordsResolved(this ILogger logger, int recordCount, int resolvedCount, IReadOnlyList<string> tenantIds, IReadOnlyList<string> records);

    /// <summary>One message per line: the tenant and message ids come from the consume log context.</summary>
    [LoggerMessage(Level = LogLevel.Debug, Message = "Salesforce API usage saved: {CallsLast24h} calls in 24 h of {SalesforceDailyLimit}")]
    public static partial void UsageSaved(this ILogger logger, long callsLast24h, long salesforceDailyLimit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A batch of {MessageCount} {MessageType} messages could not be written at once; writing each alone")]
    public static partial void BatchWriteFailed(this ILogger logger, Exception exception, string messageType, int messageCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "{MessageCount} {MessageType} messages could not be written even alone; sent to {Address} to be retried on their own")]
    public static partial void MessagesSetAside(this ILogger logger, Exception exception, int messageCount, string messageType, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reopened {ErrorCount} ignored errors whose date came")]
    public static partial void IgnoredErrorsReopened(this ILogger logger, int errorCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored errors whose date came could not be reopened; trying again at the next check")]
    public static partial void IgnoredErrorsNotReopened(this ILogger logger, Exception exception);
}

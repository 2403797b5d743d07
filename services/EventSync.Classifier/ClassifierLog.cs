namespace EventSync.Classifier;

/// <summary>The classifier's log messages, with named properties.</summary>
internal static partial class ClassifierLog
{
    [LoggerMessage(Level = LogLevel.Debug, Message = "Recorded {FailureCount} failure events: {ChangeCount} errors changed")]
    public static partial void FailuresRecorded(this ILogger logger, int failureCount, int changeCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Record {ObjectType} {HubSpotId}/{SalesforceId} of {TenantId} synced: {ResolvedCount} errors resolved")]
    public static partial void RecordResolved(this ILogger logger, string objectType, string? hubSpotId, string? salesforceId, string tenantId, int resolvedCount);
}

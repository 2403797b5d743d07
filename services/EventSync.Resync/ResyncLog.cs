namespace EventSync.Resync;

/// <summary>The resync worker's log messages, with named properties.</summary>
internal static partial class ResyncLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Resync request {RequestId} of {TenantId} recorded: {PartCount} records, {SkippedCount} resolved errors left out")]
    public static partial void RequestRecorded(this ILogger logger, string requestId, string tenantId, int partCount, int skippedCount);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Resync of {ObjectType} {RecordKey} ({RequestId}) sent to engine {EngineId}")]
    public static partial void PartSent(this ILogger logger, string requestId, string objectType, string recordKey, string engineId);

    [LoggerMessage(Level = LogLevel.Information, Message = "{DeferredCount} resyncs of {TenantId} deferred until {ExpectedAt}: {Reason}")]
    public static partial void PartsDeferred(this ILogger logger, string tenantId, int deferredCount, DateTimeOffset? expectedAt, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync of {RecordKey} ({RequestId}) claimed at {ClaimedAt} was never confirmed as sent to engine {EngineId}: sent again with the same message id")]
    public static partial void PartResent(this ILogger logger, string requestId, string recordKey, string engineId, DateTimeOffset claimedAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Resync of {RecordKey} ({RequestId}) could not be sent to engine {EngineId}; it waits again")]
    public static partial void SendFailed(this ILogger logger, Exception exception, string requestId, string recordKey, string engineId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Transient error {ErrorId} of {TenantId} failed {Failures} times: automatic resync at {NotBefore}")]
    public static partial void TransientRetryPlanned(this ILogger logger, string errorId, string tenantId, int failures, DateTimeOffset notBefore);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Transient error {ErrorId} of {TenantId} kept failing through {Attempts} automatic resyncs: surfaced")]
    public static partial void TransientSurfaced(this ILogger logger, string errorId, string tenantId, int attempts);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Record {ObjectType} {HubSpotId}/{SalesforceId} of {TenantId} synced: {PartCount} resync parts completed")]
    public static partial void PartsCompleted(this ILogger logger, string objectType, string? hubSpotId, string? salesforceId, string tenantId, int partCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Resync request {RequestId} of {TenantId} finished ({Outcome}): announced")]
    public static partial void FinishAnnounced(this ILogger logger, string requestId, string tenantId, string outcome);
}

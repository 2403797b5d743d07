namespace EventSync.Api.Ingestion;

internal static partial class IntakeLog
{
    [LoggerMessage(Level = LogLevel.Error, Message = "{FailureCount} failure events could not be made durable; the request was answered 503")]
    public static partial void IntakeFailed(this ILogger logger, Exception exception, int failureCount);
}

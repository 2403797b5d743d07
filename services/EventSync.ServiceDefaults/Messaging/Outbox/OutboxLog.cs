using Microsoft.Extensions.Logging;

namespace EventSync.ServiceDefaults.Messaging.Outbox;

/// <summary>The outbox dispatcher's log messages, with named properties.</summary>
internal static partial class OutboxLog
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} of type {MessageType} could not be published; retried after {RetryDelay}")]
    public static partial void PublishFailed(this ILogger logger, Exception exception, Guid messageId, string messageType, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The outbox could not be read or updated; retried after {RetryDelay}")]
    public static partial void StoreFailed(this ILogger logger, Exception exception, TimeSpan retryDelay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox message {MessageId} names type {MessageType}, which this version does not know: left for a version that does")]
    public static partial void UnknownType(this ILogger logger, Guid messageId, string messageType);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Published {Count} outbox messages")]
    public static partial void Published(this ILogger logger, int count);
}

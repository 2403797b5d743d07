using EventSync.Contracts;
using EventSync.Core.Notifications;

namespace EventSync.Notifications;

/// <summary>The notification worker's log messages, with named properties.</summary>
internal static partial class NotificationsLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Email not sent (no ConnectionStrings:smtp): to {Recipients}, subject {Subject}\n{TextBody}")]
    public static partial void EmailLogged(this ILogger logger, string recipients, string subject, string textBody);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} email sent to {RecipientCount} recipients of {TenantId}: {Subject}")]
    public static partial void EmailSent(this ILogger logger, string kind, int recipientCount, string tenantId, string? subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} email for {TenantId} failed: {Reason}")]
    public static partial void EmailFailed(this ILogger logger, string kind, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Digest {Frequency} of {TenantId} for the period from {PeriodStart} skipped: {Reason}")]
    public static partial void DigestSkipped(this ILogger logger, DigestFrequency frequency, string tenantId, DateTimeOffset periodStart, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Digest {Frequency} of {TenantId} for the period from {PeriodStart} not sent here: {Outcome}")]
    public static partial void DigestNotClaimed(this ILogger logger, DigestFrequency frequency, string tenantId, DateTimeOffset periodStart, DigestClaimOutcome outcome);

    [LoggerMessage(Level = LogLevel.Information, Message = "Digest {Frequency} of {TenantId} for {PeriodStart} .. {PeriodEnd} is due: command published")]
    public static partial void DigestDue(this ILogger logger, DigestFrequency frequency, string tenantId, DateTimeOffset periodStart, DateTimeOffset periodEnd);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Time zone {TimeZone} of {TenantId} is unknown: UTC is used")]
    public static partial void UnknownTimeZone(this ILogger logger, string timeZone, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert window {WindowId} of {TenantId} was taken over by another sender before it was completed")]
    public static partial void AlertWindowLost(this ILogger logger, string windowId, string tenantId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The flush of alert window {WindowId} of {TenantId} could not be scheduled ({Reason}): the sweep sends it")]
    public static partial void AlertFlushNotScheduled(this ILogger logger, string windowId, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert window {WindowId} of {TenantId} dropped: {Reason}")]
    public static partial void AlertWindowDropped(this ILogger logger, string windowId, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Assignment of {ErrorCount} errors of {TenantId} emails nobody: {Reason}")]
    public static partial void AssignmentNotEmailed(this ILogger logger, int errorCount, string tenantId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} ({Event}) of {TenantId} delivered to endpoint {EndpointId} on attempt {Attempt}: HTTP {StatusCode}")]
    public static partial void WebhookDelivered(this ILogger logger, string deliveryId, string @event, string tenantId, string endpointId, int attempt, int? statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook {DeliveryId} ({Event}) of {TenantId} to endpoint {EndpointId}, attempt {Attempt}: {Outcome}, {Detail}")]
    public static partial void WebhookNotDelivered(this ILogger logger, string deliveryId, string @event, string tenantId, string endpointId, int attempt, string outcome, string detail);

    [LoggerMessage(Level = LogLevel.Information, Message = "Webhook {DeliveryId} ({Event}) of {TenantId} to endpoint {EndpointId} dropped: {Reason}")]
    public static partial void WebhookDropped(this ILogger logger, string deliveryId, string @event, string tenantId, string endpointId, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Webhook {DeliveryId} ({Event}) of {TenantId} waits {Wait} before failing the attempt, as the receiver's Retry-After asks")]
    public static partial void WebhookRetryAfter(this ILogger logger, string deliveryId, string @event, string tenantId, TimeSpan wait);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Webhook deliveries ({Event}) of {TenantId} could not be queued: {Reason}")]
    public static partial void WebhookNotQueued(this ILogger logger, string @event, string tenantId, string reason);
}

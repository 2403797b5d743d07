using MimeKit;

namespace EventSync.Notifications.Email;

/// <summary>
/// Hands an email to the sender and counts and logs the outcome per kind of email (<see cref="NotificationMetrics"/>). A
/// failure is counted, logged and thrown again: the caller decides whether it retries (a consumer lets MassTransit retry).
/// </summary>
internal sealed class EmailDelivery(IEmailSender email, NotificationMetrics metrics, ILogger<EmailDelivery> logger)
{
    public async Task SendAsync(MimeMessage message, string kind, string tenantId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await email.SendAsync(message, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            metrics.Failed(kind);
            logger.EmailFailed(kind, tenantId, e.GetType().Name + ": " + e.Message);
            throw;
        }

        metrics.Sent(kind);
        logger.EmailSent(kind, message.To.Count, tenantId, message.Subject);
    }
}

using MimeKit;

namespace EventSync.Notifications.Email;

/// <summary>Without <c>ConnectionStrings:smtp</c>: the recipients, the subject and the plain-text part go to the log.</summary>
internal sealed class LoggingEmailSender(ILogger<LoggingEmailSender> logger) : IEmailSender
{
    public Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (logger.IsEnabled(LogLevel.Information))
        {
            logger.EmailLogged(string.Join(", ", message.To.Mailboxes.Select(m => m.Address)), message.Subject ?? "", message.TextBody ?? "");
        }

        return Task.CompletedTask;
    }
}

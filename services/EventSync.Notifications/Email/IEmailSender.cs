using MimeKit;

namespace EventSync.Notifications.Email;

/// <summary>Hands a finished email on: to an SMTP server, or to the log when none is configured.</summary>
internal interface IEmailSender
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

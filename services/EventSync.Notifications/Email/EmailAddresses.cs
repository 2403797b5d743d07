using EventSync.Core.Notifications;
using MimeKit;

namespace EventSync.Notifications.Email;

/// <summary>Sender and recipients of a tenant's emails.</summary>
internal static class EmailAddresses
{
    public static MimeMessage NewMessage(string from, NotificationSettings settings, string subject)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return NewMessage(from, settings.Recipients, subject);
    }

    public static MimeMessage NewMessage(string from, IEnumerable<string> recipients, string subject)
    {
        var message = new MimeMessage { Subject = subject };
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(recipients.Select(MailboxAddress.Parse));
        return message;
    }
}

using MailKit.Net.Smtp;
using MimeKit;

namespace EventSync.Notifications.Email;

/// <summary>Sends through the SMTP server of <c>ConnectionStrings:smtp</c> with MailKit, one connection per email.</summary>
internal sealed class SmtpEmailSender(SmtpEndpoint endpoint) : IEmailSender
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(endpoint.Host, endpoint.Port, endpoint.Security, cancellationToken);
        if (endpoint.Credentials is not null)
        {
            await client.AuthenticateAsync(endpoint.Credentials, cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

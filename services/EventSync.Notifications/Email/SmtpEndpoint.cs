using System.Net;
using MailKit.Security;

namespace EventSync.Notifications.Email;

/// <summary>
/// <c>ConnectionStrings:smtp</c> read: <c>smtp://[user:pass@]host[:port]</c> (STARTTLS when the server offers it) or
/// <c>smtps://...</c> (TLS from the start). <see cref="ToString"/> never shows the password.
/// </summary>
internal sealed record SmtpEndpoint(string Host, int Port, SecureSocketOptions Security, NetworkCredential? Credentials)
{
    public const string ConnectionStringName = "smtp";

    public static SmtpEndpoint Parse(string connectionString)
    {
        if (!Uri.TryCreate(connectionString, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps") || string.IsNullOrEmpty(uri.Host))
        {
            // The string may hold a password: it is not repeated.
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} must read smtp://[user:password@]host[:port] or smtps://...; the value given is not such an address.");
        }

        var implicitTls = uri.Scheme == "smtps";
        var port = uri.IsDefaultPort || uri.Port <= 0 ? (implicitTls ? 465 : 25) : uri.Port;
        NetworkCredential? credentials = null;
        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            var parts = uri.UserInfo.Split(':', 2);
            credentials = new NetworkCredential(Uri.UnescapeDataString(parts[0]), parts.Length > 1 ? Uri.UnescapeDataString(parts[1]) : "");
        }

        return new SmtpEndpoint(uri.Host, port, implicitTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, credentials);
    }

    public override string ToString() => $"{Host}:{Port} ({Security}{(Credentials is null ? "" : $", user {Credentials.UserName}")})";
}

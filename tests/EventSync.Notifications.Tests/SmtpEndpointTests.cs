using EventSync.Notifications.Email;
using MailKit.Security;

namespace EventSync.Notifications.Tests;

/// <summary><c>ConnectionStrings:smtp</c>: STARTTLS when offered for smtp://, TLS from the start for smtps://, never a password shown.</summary>
public sealed class SmtpEndpointTests
{
    [Fact]
    public void Should_use_starttls_when_offered_and_read_the_credentials_when_an_smtp_address_has_them()
    {
        var endpoint = SmtpEndpoint.Parse("smtp://mailer%40example.com:s3cr%3At@mail.example.com:587");

        Assert.Equal(("mail.example.com", 587, SecureSocketOptions.StartTlsWhenAvailable), (endpoint.Host, endpoint.Port, endpoint.Security));
        Assert.Equal(("mailer@example.com", "s3cr:t"), (endpoint.Credentials?.UserName, endpoint.Credentials?.Password));
        Assert.DoesNotContain("s3cr", endpoint.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Should_use_tls_from_the_start_on_port_465_when_the_address_is_smtps()
    {
        var endpoint = SmtpEndpoint.Parse("smtps://mail.example.com");

        Assert.Equal((465, SecureSocketOptions.SslOnConnect, null), (endpoint.Port, endpoint.Security, endpoint.Credentials));
    }

    [Fact]
    public void Should_refuse_without_repeating_the_value_when_it_is_not_an_smtp_address()
    {
        var error = Assert.Throws<InvalidOperationException>(() => SmtpEndpoint.Parse("http://user:hunter2@mail.example.com"));

        Assert.Contains("ConnectionStrings:smtp", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using System.Net.Sockets;
using EventSync.Api.Localization;
using EventSync.Core.Validation;

namespace EventSync.Api.Webhooks;

/// <summary>
/// Where a webhook may be posted: an absolute address of at most <see cref="MaxLength"/> characters, without credentials;
/// <c>https</c> to a host that is not <c>localhost</c> nor a literal loopback, private or link-local IP, unless private
/// addresses are allowed (then <c>http</c> too). Names are not resolved here: the delivery side checks the addresses
/// they resolve to when it connects.
/// </summary>
internal static class WebhookAddressRule
{
    public const int MaxLength = 2048;

    /// <summary>Why <paramref name="url"/> is refused, in the request's language; null when it is accepted.</summary>
    public static string? Problem(string url, bool allowPrivateAddresses)
    {
        if (url.Length > MaxLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
        {
            return ProblemFormat.With(ProblemTexts.WebhookUrlInvalid, MaxLength);
        }

        if (uri.UserInfo.Length > 0)
        {
            return ProblemTexts.WebhookUrlCredentials;
        }

        if (allowPrivateAddresses)
        {
            return null;
        }

        if (uri.Scheme != Uri.UriSchemeHttps)
        {
            return ProblemTexts.WebhookUrlNotHttps;
        }

        // DnsSafeHost: an IPv6 literal without its brackets, an IPv4 literal in its usual form (Uri reads 0x7f.1 as 127.0.0.1).
        var host = uri.DnsSafeHost;
        return IsLocalName(host) || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(host, out var address) && IsPrivate(address))
            ? ProblemFormat.With(ProblemTexts.WebhookUrlPrivate, ProblemText.Quote(uri.Host))
            : null;
    }

    private static bool IsLocalName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Loopback, unspecified, private (RFC 1918, shared 100.64/10, IPv6 unique-local and site-local) or link-local.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        }

        var b = address.GetAddressBytes();
        return b[0] is 0 or 10
            || (b[0] == 172 && b[1] is >= 16 and <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] is >= 64 and <= 127);
    }
}

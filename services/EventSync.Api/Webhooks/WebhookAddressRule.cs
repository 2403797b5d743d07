using System.Net;
using EventSync.Api.Localization;
using EventSync.Core.Validation;
using EventSync.Core.Webhooks;

namespace EventSync.Api.Webhooks;

/// <summary>
/// Where a webhook may be posted: an absolute address of at most <see cref="MaxLength"/> characters, without control
/// characters nor credentials;
/// <c>https</c> to a host that is not <c>localhost</c> nor a literal IP that <see cref="WebhookAddressRules"/> forbids
/// (loopback, private, link-local, ...), unless private addresses are allowed (then <c>http</c> too). Names are not
/// resolved here: the delivery side checks the addresses they resolve to when it connects. The texts are the request's language.
/// </summary>
internal static class WebhookAddressRule
{
    public const int MaxLength = 2048;

    /// <summary>Why <paramref name="url"/> is refused, in the request's language; null when it is accepted.</summary>
    public static string? Problem(string url, bool allowPrivateAddresses)
    {
        // Uri escapes control characters where it takes them: the address stored must be the one checked, so none at all.
        if (url.Length > MaxLength || url.Any(char.IsControl) || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Host.Length == 0)
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
        return IsLocalName(host) || (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 && IPAddress.TryParse(host, out var address) && WebhookAddressRules.WhyForbidden(address) is not null)
            ? ProblemFormat.With(ProblemTexts.WebhookUrlPrivate, ProblemText.Quote(uri.Host))
            : null;
    }

    private static bool IsLocalName(string host)
    {
        var name = host.TrimEnd('.');
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase);
    }
}

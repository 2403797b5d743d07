using System.Net;
using System.Net.Sockets;

namespace EventSync.Core.Webhooks;

/// <summary>
/// Where a webhook may be posted: an <c>https</c> address whose host resolves to public addresses only. Private,
/// loopback, link-local, unique-local, shared (CGNAT), multicast, unspecified, broadcast and reserved addresses are
/// refused, and so are IPv6 addresses that carry one of them (IPv4-mapped, NAT64, 6to4). The address rule is applied
/// after name resolution, to the address actually connected to.
/// </summary>
public static class WebhookAddressRules
{
    private static readonly (IPAddress Network, int PrefixLength, string Reason)[] ForbiddenV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8, "an unspecified address"),
        (IPAddress.Parse("10.0.0.0"), 8, "a private address"),
        (IPAddress.Parse("100.64.0.0"), 10, "a shared (CGNAT) address"),
        (IPAddress.Parse("127.0.0.0"), 8, "a loopback address"),
        (IPAddress.Parse("169.254.0.0"), 16, "a link-local address"),
        (IPAddress.Parse("172.16.0.0"), 12, "a private address"),
        (IPAddress.Parse("192.0.0.0"), 24, "a reserved address"),
        (IPAddress.Parse("192.168.0.0"), 16, "a private address"),
        (IPAddress.Parse("198.18.0.0"), 15, "a reserved address"),
        (IPAddress.Parse("224.0.0.0"), 4, "a multicast address"),
        (IPAddress.Parse("240.0.0.0"), 4, "a reserved or broadcast address"),
    ];

    private static readonly (IPAddress Network, int PrefixLength, string Reason)[] ForbiddenV6 =
    [
        (IPAddress.Parse("fe80::"), 10, "a link-local address"),
        (IPAddress.Parse("fec0::"), 10, "a site-local address"),
        (IPAddress.Parse("fc00::"), 7, "a unique-local address"),
        (IPAddress.Parse("ff00::"), 8, "a multicast address"),
    ];

    private static readonly IPAddress Nat64 = IPAddress.Parse("64:ff9b::");
    private static readonly IPAddress SixToFour = IPAddress.Parse("2002::");

    /// <summary>Why a delivery may not connect to <paramref name="address"/> (e.g. "a loopback address"), or null when it may.</summary>
    public static string? WhyForbidden(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            return ForbiddenV4.FirstOrDefault(r => InNetwork(address, r.Network, r.PrefixLength)).Reason;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return "not an IP address";
        }

        if (address.Equals(IPAddress.IPv6None))
        {
            return "an unspecified address";
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return "a loopback address";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return Embedded(address.MapToIPv4(), "IPv4-mapped");
        }

        var bytes = address.GetAddressBytes();
        if (InNetwork(address, Nat64, 96))
        {
            return Embedded(new IPAddress(bytes[12..16]), "NAT64");
        }

        if (InNetwork(address, SixToFour, 16))
        {
            return Embedded(new IPAddress(bytes[2..6]), "6to4");
        }

        if (bytes[..12].All(b => b == 0))
        {
            // The deprecated IPv4-compatible form (::a.b.c.d): never a real destination.
            return "an IPv4-compatible address";
        }

        return ForbiddenV6.FirstOrDefault(r => InNetwork(address, r.Network, r.PrefixLength)).Reason;
    }

    /// <summary>
    /// Why a delivery may not be posted to <paramref name="url"/> before any address is looked at, or null when it may:
    /// not absolute, not <c>https</c> (<c>http</c> too when <paramref name="allowPrivateAddresses"/>), or with user information.
    /// </summary>
    public static string? WhyUrlRefused(Uri? url, bool allowPrivateAddresses)
    {
        if (url is not { IsAbsoluteUri: true })
        {
            return "the address is not an absolute URL";
        }

        if (url.Scheme != Uri.UriSchemeHttps && !(allowPrivateAddresses && url.Scheme == Uri.UriSchemeHttp))
        {
            return $"only https addresses are allowed, not {url.Scheme}";
        }

        return string.IsNullOrEmpty(url.UserInfo) ? null : "the address carries user information";
    }

    private static string? Embedded(IPAddress v4, string form) =>
        WhyForbidden(v4) is { } reason ? $"{reason} ({form})" : null;

    private static bool InNetwork(IPAddress address, IPAddress network, int prefixLength)
    {
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        if (a.Length != n.Length)
        {
            return false;
        }

        var whole = prefixLength / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
        {
            return false;
        }

        var rest = prefixLength % 8;
        if (rest == 0)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}

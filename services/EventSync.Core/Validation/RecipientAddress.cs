using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace EventSync.Core.Validation;

/// <summary>
/// An address a notification may go to: bare (<c>name@example.com</c>, no display name), a local part of at most
/// <see cref="MaxLocalPartLength"/> characters and at most <see cref="MaxLength"/> in all (RFC 5321), and a domain that
/// is a dotted host name: no <c>localhost</c>, no address literal such as <c>[127.0.0.1]</c>, no bare IP address.
/// </summary>
public static partial class RecipientAddress
{
    public const int MaxLength = 254;
    public const int MaxLocalPartLength = 64;

    private static readonly IdnMapping Idn = new();

    public static bool IsValid([NotNullWhen(true)] string? text)
    {
        if (string.IsNullOrEmpty(text) || text.Length > MaxLength
            || !MailAddress.TryCreate(text, out var address) || address.DisplayName.Length > 0 || address.Address != text)
        {
            return false;
        }

        var at = text.LastIndexOf('@');
        return at is > 0 and <= MaxLocalPartLength && IsDottedHostName(text[(at + 1)..]);
    }

    private static bool IsDottedHostName(string domain)
    {
        string ascii;
        try
        {
            ascii = Idn.GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        var labels = ascii.Split('.');
        return labels.Length >= 2 && labels.All(l => Label().IsMatch(l)) && TopLevelLabel().IsMatch(labels[^1]);
    }

    [GeneratedRegex("^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // A top-level domain is never all digits: 10.0.0.1 is an address, not a name.
    [GeneratedRegex("^(?:[A-Za-z]{2,63}|xn--[A-Za-z0-9-]{1,59})$", RegexOptions.CultureInvariant)]
    private static partial Regex TopLevelLabel();
}

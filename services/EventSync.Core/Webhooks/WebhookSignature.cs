using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EventSync.Core.Webhooks;

/// <summary>
/// <c>X-EventSync-Signature</c>: <c>sha256=</c> and the lower-case hex HMAC-SHA256, keyed with the endpoint's secret, of
/// <c>{timestamp}.{body}</c>, where the timestamp is the <c>X-EventSync-Timestamp</c> header (Unix seconds) and the body the raw bytes.
/// </summary>
public static class WebhookSignature
{
    public const string Prefix = "sha256=";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var signed = SignedBytes(unixSeconds, body);
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>Whether <paramref name="signature"/> is this body's signature with this secret (compared in constant time).</summary>
    public static bool Verify(string secret, long unixSeconds, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, unixSeconds, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }

    private static byte[] SignedBytes(long unixSeconds, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }
}

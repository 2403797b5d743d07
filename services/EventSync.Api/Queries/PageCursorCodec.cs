using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace EventSync.Api.Queries;

/// <summary>The cursor clients pass back: base64url of <c>{UTC ticks}:{id}</c> (an error's last seen, a request's time), opaque to them.</summary>
internal static class PageCursorCodec
{
    public static string Encode(DateTimeOffset at, string id) =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{at.UtcTicks}:{id}")));

    public static bool TryDecode(string text, out PageCursor cursor)
    {
        ArgumentNullException.ThrowIfNull(text);
        cursor = default;
        if (text.Length > 512 || !Base64Url.IsValid(text))
        {
            return false;
        }

        string decoded;
        try
        {
            decoded = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Base64Url.DecodeFromChars(text));
        }
        catch (ArgumentException)
        {
            return false;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == decoded.Length - 1
            || !long.TryParse(decoded.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks > DateTimeOffset.MaxValue.UtcTicks)
        {
            return false;
        }

        cursor = new PageCursor(new DateTimeOffset(ticks, TimeSpan.Zero), decoded[(colon + 1)..]);
        return true;
    }
}

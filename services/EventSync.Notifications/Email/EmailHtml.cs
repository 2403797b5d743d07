using System.Globalization;
using System.Text;
using static System.Net.WebUtility;

namespace EventSync.Notifications.Email;

/// <summary>The frame every HTML email shares: document head, body style and heading, and the dashboard link.</summary>
internal static class EmailHtml
{
    public static StringBuilder Start(string language, string heading) =>
        new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"<!DOCTYPE html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>{HtmlEncode(heading)}</title></head>")
            .Append(CultureInfo.InvariantCulture, $"<body style=\"font-family:Arial,Helvetica,sans-serif;color:#1d2733;max-width:720px\"><h1 style=\"font-size:20px\">{HtmlEncode(heading)}</h1>");

    public static StringBuilder AppendLink(this StringBuilder html, Uri address, string label)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(address);
        return html.Append(CultureInfo.InvariantCulture, $"<p><a href=\"{HtmlEncode(address.ToString())}\">{HtmlEncode(label)}</a></p>");
    }
}

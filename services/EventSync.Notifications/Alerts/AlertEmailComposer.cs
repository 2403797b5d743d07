using System.Globalization;
using System.Text;
using EventSync.Core.Notifications;
using EventSync.Notifications.Digests;
using EventSync.Notifications.Email;
using EventSync.Notifications.Texts;
using Microsoft.Extensions.Options;
using MimeKit;
using static System.Net.WebUtility;

namespace EventSync.Notifications.Alerts;

/// <summary>
/// The email of one alert window: how many errors per error type (with the fix), the first
/// <see cref="AlertWindow.MaxEntries"/> records, the dashboard link; plain text and HTML, in the tenant's language.
/// </summary>
internal sealed class AlertEmailComposer(IOptions<NotificationOptions> options)
{
    public MimeMessage Compose(AlertWindow window, NotificationSettings settings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(settings);
        var texts = NotificationTexts.For(settings.Language);
        var catalog = CatalogErrorTypes.In(settings.Language);
        var zone = DigestSchedule.FindZone(settings.TimeZone) ?? TimeZoneInfo.Utc;
        var intro = NotificationTexts.Format(texts.AlertIntro, Local(window.OpenedAt, zone), Local(now < window.ClosesAt ? now : window.ClosesAt, zone) + $" ({zone.Id})", window.Total);
        var types = window.CountsByErrorType
            .OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (Count: c.Value, Title: catalog.TryGetValue(c.Key, out var t) ? t.Title : c.Key, Fix: catalog.TryGetValue(c.Key, out var f) ? f.Fix : ""))
            .ToList();
        var more = window.Total - window.Entries.Count;

        var text = new StringBuilder();
        var heading = NotificationTexts.Format(texts.AlertHeading, window.TenantId);
        text.AppendLine(heading).AppendLine().AppendLine(intro).AppendLine();
        var html = EmailHtml.Start(texts.Language, heading).Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(intro)}</p><ul>");
        foreach (var (count, title, fix) in types)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {title}: {count}").AppendLine(CultureInfo.InvariantCulture, $"  {texts.Fix}: {fix}");
            html.Append(CultureInfo.InvariantCulture, $"<li><b>{HtmlEncode(title)}: {count}</b><br>{HtmlEncode(texts.Fix)}: {HtmlEncode(fix)}</li>");
        }

        text.AppendLine();
        html.Append("</ul><ul>");
        foreach (var entry in window.Entries)
        {
            var line = $"{entry.ObjectType} {entry.HubSpotId ?? entry.SalesforceId}: {(catalog.TryGetValue(entry.ErrorType, out var t) ? t.Title : entry.ErrorType)} ({texts.ReasonText(entry.Reason)})";
            text.AppendLine(CultureInfo.InvariantCulture, $"- {line}");
            html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(line)}</li>");
        }

        if (more > 0)
        {
            text.AppendLine(NotificationTexts.Format(texts.AndMore, more));
            html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(NotificationTexts.Format(texts.AndMore, more))}</li>");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{texts.DashboardLink}: {options.Value.DashboardUrl}");
        html.Append("</ul>").AppendLink(options.Value.DashboardUrl, texts.DashboardLink).Append("</body></html>");

        var message = EmailAddresses.NewMessage(options.Value.From, settings, NotificationTexts.Format(texts.AlertSubject, window.Total, window.TenantId));
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

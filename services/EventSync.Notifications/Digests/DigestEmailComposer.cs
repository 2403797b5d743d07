using System.Globalization;
using System.Text;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Notifications.Email;
using EventSync.Notifications.Texts;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Utils;
using static System.Net.WebUtility;

namespace EventSync.Notifications.Digests;

/// <summary>
/// The digest email: a plain-text part and an HTML part with the chart inline (multipart/related, by Content-Id), both
/// with the same figures, in the tenant's language; times in the tenant's zone. Everything from data is HTML-encoded.
/// </summary>
internal sealed class DigestEmailComposer(IOptions<NotificationOptions> options)
{
    public const string ChartFileName = "errors-per-category.png";

    public MimeMessage Compose(DigestReport report, NotificationSettings settings, TimeZoneInfo zone, bool test)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(settings);
        var texts = NotificationTexts.For(settings.Language);
        var subject = NotificationTexts.Format(texts.DigestSubject, texts.NameOf(report.Frequency, test), report.TenantId, report.CurrentErrors);
        var period = $"{Local(report.Period.Start, zone)} - {Local(report.Period.End, zone)} ({zone.Id})";
        var figures = new (string Label, long Value)[]
        {
            (texts.CurrentErrors, report.CurrentErrors),
            (texts.AffectedRecords, report.AffectedRecords),
            (texts.NewErrors, report.NewErrors),
            (texts.ResolvedErrors, report.ResolvedErrors),
            (texts.StillOpen, report.StillOpen),
            (texts.Ignored, report.IgnoredErrors),
        };

        var builder = new BodyBuilder();
        var chart = builder.LinkedResources.Add(ChartFileName, DigestChartRenderer.RenderPng(report.ErrorsPerCategory, texts.ChartHeading), new ContentType("image", "png"));
        chart.ContentId = MimeUtils.GenerateMessageId();
        builder.TextBody = Text(report, texts, period, figures);
        builder.HtmlBody = Html(report, texts, period, figures, chart.ContentId);

        var message = EmailAddresses.NewMessage(options.Value.From, settings, subject);
        message.Body = builder.ToMessageBody();
        return message;
    }

    private string Text(DigestReport report, NotificationTexts texts, string period, (string Label, long Value)[] figures)
    {
        var text = new StringBuilder();
        text.AppendLine(NotificationTexts.Format(texts.DigestHeading, report.TenantId)).AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{texts.Period}: {period}");
        foreach (var (label, value) in figures)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"{label}: {value}");
        }

        if (report.HasNothingToReport)
        {
            text.AppendLine().AppendLine(texts.NothingToReport);
        }

        if (report.Cards.Count > 0)
        {
            text.AppendLine().AppendLine(texts.ErrorTypesHeading);
            foreach (var card in report.Cards)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {card.CategoryTitle} / {card.Title}: {card.CurrentErrors} ({texts.AffectedRecords}: {card.AffectedRecords})");
                text.AppendLine(CultureInfo.InvariantCulture, $"  {texts.Fix}: {card.Fix}");
            }
        }

        if (report.UnknownGroups.Count > 0)
        {
            text.AppendLine().AppendLine(texts.UnknownGroupsHeading);
            foreach (var group in report.UnknownGroups)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {group.CurrentErrors} ({texts.AffectedRecords}: {group.AffectedRecords}): {Sample(group)}");
            }
        }

        if (report.Assignees.Count > 0)
        {
            text.AppendLine().AppendLine(texts.AssigneesHeading);
            foreach (var assigned in report.Assignees)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {assigned.Assignee}: {assigned.CurrentErrors}");
            }
        }

        if (report.TopRecords.Count > 0)
        {
            text.AppendLine().AppendLine(texts.TopRecordsHeading);
            foreach (var record in report.TopRecords)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {record.Name}: {record.CurrentErrors} ({string.Join(", ", record.ErrorTitles)})");
            }
        }

        text.AppendLine().AppendLine(texts.ChartHeading);
        foreach (var bar in report.ErrorsPerCategory)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"- {bar.Title}: {bar.Errors}");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{texts.DashboardLink}: {options.Value.DashboardUrl}");
        text.AppendLine().AppendLine(NotificationTexts.Format(texts.Footer, report.TenantId));
        return text.ToString();
    }

    private string Html(DigestReport report, NotificationTexts texts, string period, (string Label, long Value)[] figures, string chartId)
    {
        var html = EmailHtml.Start(texts.Language, NotificationTexts.Format(texts.DigestHeading, report.TenantId));
        html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(texts.Period)}: {HtmlEncode(period)}</p><table style=\"border-collapse:collapse\">");
        foreach (var (label, value) in figures)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding:2px 12px 2px 0\">{HtmlEncode(label)}</td><td style=\"font-weight:bold\">{value}</td></tr>");
        }

        html.Append("</table>");
        if (report.HasNothingToReport)
        {
            html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(texts.NothingToReport)}</p>");
        }

        if (report.Cards.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px\">{HtmlEncode(texts.ErrorTypesHeading)}</h2>");
            foreach (var card in report.Cards)
            {
                html.Append("<div style=\"border:1px solid #d0d7de;border-radius:6px;padding:8px 12px;margin:8px 0\">");
                html.Append(CultureInfo.InvariantCulture, $"<div style=\"color:#57606a;font-size:12px\">{HtmlEncode(card.CategoryTitle)}</div>");
                html.Append(CultureInfo.InvariantCulture, $"<div style=\"font-weight:bold\">{HtmlEncode(card.Title)}: {card.CurrentErrors} ({HtmlEncode(texts.AffectedRecords)}: {card.AffectedRecords})</div>");
                html.Append(CultureInfo.InvariantCulture, $"<div>{HtmlEncode(card.Meaning)}</div><div><b>{HtmlEncode(texts.Fix)}:</b> {HtmlEncode(card.Fix)}</div></div>");
            }
        }

        if (report.UnknownGroups.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px\">{HtmlEncode(texts.UnknownGroupsHeading)}</h2><ul>");
            foreach (var group in report.UnknownGroups)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{group.CurrentErrors} ({HtmlEncode(texts.AffectedRecords)}: {group.AffectedRecords}): <code>{HtmlEncode(Sample(group))}</code></li>");
            }

            html.Append("</ul>");
        }

        if (report.Assignees.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px\">{HtmlEncode(texts.AssigneesHeading)}</h2><ul>");
            foreach (var assigned in report.Assignees)
            {
                html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(assigned.Assignee)}: {assigned.CurrentErrors}</li>");
            }

            html.Append("</ul>");
        }

        if (report.TopRecords.Count > 0)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px\">{HtmlEncode(texts.TopRecordsHeading)}</h2><table style=\"border-collapse:collapse\">");
            html.Append(CultureInfo.InvariantCulture, $"<tr><th style=\"text-align:left;padding-right:12px\">{HtmlEncode(texts.Record)}</th><th style=\"text-align:left\">{HtmlEncode(texts.Errors)}</th></tr>");
            foreach (var record in report.TopRecords)
            {
                html.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"padding-right:12px\">{HtmlEncode(record.Name)}</td><td>{record.CurrentErrors} ({HtmlEncode(string.Join(", ", record.ErrorTitles))})</td></tr>");
            }

            html.Append("</table>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px\">{HtmlEncode(texts.ChartHeading)}</h2>");
        html.Append(CultureInfo.InvariantCulture, $"<img src=\"cid:{HtmlEncode(chartId)}\" width=\"{DigestChartRenderer.Width}\" height=\"{DigestChartRenderer.Height}\" alt=\"{HtmlEncode(texts.ChartHeading)}\">");
        html.AppendLink(options.Value.DashboardUrl, texts.DashboardLink);
        html.Append(CultureInfo.InvariantCulture, $"<p style=\"color:#57606a;font-size:12px\">{HtmlEncode(NotificationTexts.Format(texts.Footer, report.TenantId))}</p></body></html>");
        return html.ToString();
    }

    // The status code and message of the group's last error, cut to a line: a sample to recognise the problem by.
    private static string Sample(UnknownErrorGroup group)
    {
        var sample = string.Join(": ", new[] { group.SampleStatusCode, group.SampleMessage }.Where(s => !string.IsNullOrWhiteSpace(s)));
        sample = sample.ReplaceLineEndings(" ");
        return sample.Length > 200 ? string.Concat(sample.AsSpan(0, 197), "...") : sample;
    }

    private static string Local(DateTimeOffset instant, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}

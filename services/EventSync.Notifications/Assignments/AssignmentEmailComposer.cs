using System.Globalization;
using System.Text;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Notifications.Email;
using EventSync.Notifications.Texts;
using Microsoft.Extensions.Options;
using MimeKit;
using static System.Net.WebUtility;

namespace EventSync.Notifications.Assignments;

/// <summary>
/// The email to the assignee: the errors per error type (most first) with the catalog's title and fix, the first
/// <see cref="MaxListed"/> records, who assigned them and the dashboard link; plain text and HTML, everything from data
/// HTML-encoded.
/// </summary>
internal sealed class AssignmentEmailComposer(IOptions<NotificationOptions> options)
{
    public const int MaxListed = 50;

    public MimeMessage Compose(ErrorsAssigned assignment, IReadOnlyList<SyncError> errors, string? language)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        ArgumentNullException.ThrowIfNull(errors);
        var texts = NotificationTexts.For(language);
        var catalog = CatalogErrorTypes.In(language);
        var heading = NotificationTexts.Format(texts.AssignedHeading, assignment.TenantId);
        var intro = NotificationTexts.Format(texts.AssignedIntro, errors.Count);
        var assignedBy = $"{texts.AssignedBy}: {assignment.AssignedBy}";

        var text = new StringBuilder().AppendLine(heading).AppendLine().AppendLine(intro).AppendLine(assignedBy);
        var html = EmailHtml.Start(texts.Language, heading).Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(intro)}<br>{HtmlEncode(assignedBy)}</p>");
        var left = MaxListed;
        foreach (var group in errors.GroupBy(e => e.ErrorType, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            if (left == 0)
            {
                break;
            }

            var (title, fix) = catalog.TryGetValue(group.Key, out var type) ? (type.Title, type.Fix) : (group.Key, "");
            var records = group.Take(left).Select(e => RecordNames.Of(e.ObjectType, e.HubSpotId, e.SalesforceId)).ToList();
            left -= records.Count;
            text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{title}: {group.Count()}").AppendLine(CultureInfo.InvariantCulture, $"  {texts.Fix}: {fix}");
            html.Append(CultureInfo.InvariantCulture, $"<h2 style=\"font-size:16px\">{HtmlEncode(title)}: {group.Count()}</h2><p><b>{HtmlEncode(texts.Fix)}:</b> {HtmlEncode(fix)}</p><ul>");
            foreach (var record in records)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"- {record}");
                html.Append(CultureInfo.InvariantCulture, $"<li>{HtmlEncode(record)}</li>");
            }

            html.Append("</ul>");
        }

        if (errors.Count > MaxListed)
        {
            var more = NotificationTexts.Format(texts.AndMore, errors.Count - MaxListed);
            text.AppendLine().AppendLine(more);
            html.Append(CultureInfo.InvariantCulture, $"<p>{HtmlEncode(more)}</p>");
        }

        text.AppendLine().AppendLine(CultureInfo.InvariantCulture, $"{texts.DashboardLink}: {options.Value.DashboardUrl}");
        html.AppendLink(options.Value.DashboardUrl, texts.DashboardLink).Append("</body></html>");

        var message = EmailAddresses.NewMessage(options.Value.From, [assignment.Assignee], texts.AssignedSubjectFor(errors.Count, assignment.TenantId));
        message.Body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() }.ToMessageBody();
        return message;
    }
}

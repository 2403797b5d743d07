using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Texts;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// A Slack incoming-webhook message: <c>text</c> (the notification's one line) and <c>blocks</c> — a header, a section with
/// the counts and up to <see cref="MaxListed"/> errors or error types, and a context line with the tenant, the delivery id
/// and the dashboard link. Texts are English; names are the catalog's titles.
/// </summary>
internal sealed class SlackBodyRenderer(IOptions<NotificationOptions> options)
{
    public const int MaxListed = 10;

    // Slack refuses a header over 150 characters and a section text over 3000.
    private const int MaxHeader = 150;
    private const int MaxSection = 3000;

    public JsonObject Render(WebhookBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        var (headline, section) = body.Event switch
        {
            WebhookEvents.Errors when Read<WebhookErrorsData>(body.Data) is { } errors => Errors(body.TenantId, errors),
            WebhookEvents.Digest when Read<WebhookDigestData>(body.Data) is { } digest => Digest(body.TenantId, digest),
            WebhookEvents.Test => ($"EventSync: test delivery for {body.TenantId}", "This endpoint is set up: EventSync deliveries will arrive here."),
            _ => ($"EventSync: {body.Event} for {body.TenantId}", $"Event `{Escape(body.Event)}`."),
        };
        var context = $"Tenant `{Escape(body.TenantId)}` · delivery `{Escape(body.Id)}` · <{options.Value.DashboardUrl}|Open the dashboard>";
        return new JsonObject
        {
            ["text"] = headline,
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = Cut(headline, MaxHeader), ["emoji"] = false } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = Cut(section, MaxSection) } },
                new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = context }) }),
        };
    }

    private static (string Headline, string Section) Errors(string tenantId, WebhookErrorsData data)
    {
        var titles = CatalogErrorTypes.In("en");
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"*{data.Total}* sync errors between {Time(data.OpenedAt)} and {Time(data.ClosesAt)} (UTC):\n");
        foreach (var (type, count) in data.CountsByErrorType.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"• *{Escape(Title(titles, type))}*: {count}\n");
        }

        text.Append('\n');
        foreach (var error in data.Errors.Take(MaxListed))
        {
            var record = error.HubSpotId ?? error.SalesforceId ?? error.ErrorId;
            text.Append(CultureInfo.InvariantCulture, $"• {Escape(error.ObjectType ?? "record")} `{Escape(record)}`: {Escape(Title(titles, error.ErrorType))} ({Escape(error.Event)})\n");
        }

        if (data.Total > Math.Min(data.Errors.Count, MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"… and {data.Total - Math.Min(data.Errors.Count, MaxListed)} more\n");
        }

        return ($"EventSync: {data.Total} new sync errors for {tenantId}", text.ToString().TrimEnd());
    }

    private static (string Headline, string Section) Digest(string tenantId, WebhookDigestData data)
    {
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"{Time(data.Period.Start)} – {Time(data.Period.End)} (UTC)\n")
            .Append(CultureInfo.InvariantCulture, $"Current errors: *{data.CurrentErrors}* on {data.AffectedRecords} records · new: *{data.NewErrors}* · resolved: *{data.ResolvedErrors}* · still open: {data.StillOpen}\n\n");
        foreach (var card in data.TopCards.Take(MaxListed))
        {
            text.Append(CultureInfo.InvariantCulture, $"• *{Escape(card.Title)}*: {card.CurrentErrors} errors, {card.AffectedRecords} records\n");
        }

        return ($"EventSync {data.Frequency} digest for {tenantId}: {data.CurrentErrors} current sync errors", text.ToString().TrimEnd());
    }

    private static T? Read<T>(JsonElement data)
        where T : class
    {
        try
        {
            return data.Deserialize<T>(WebhookJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Title(Dictionary<string, Core.Catalog.LocalizedErrorType> titles, string errorType) =>
        titles.TryGetValue(errorType, out var t) ? t.Title : errorType;

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    // Slack's mrkdwn gives &, < and > meaning; everything else is shown as written.
    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    private static string Cut(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}

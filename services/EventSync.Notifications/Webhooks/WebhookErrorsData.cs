using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// The <c>data</c> of an <c>errors</c> delivery: one alert window and the errors in it the endpoint subscribed to. An
/// endpoint subscribed to every error event gets the window's own total and counts (which count past the
/// <see cref="AlertWindow.MaxEntries"/> listed errors); one subscribed to some gets the counts of the errors listed.
/// </summary>
internal sealed record WebhookErrorsData(
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt,
    long Total,
    IReadOnlyDictionary<string, long> CountsByErrorType,
    IReadOnlyList<WebhookErrorItem> Errors)
{
    private static readonly string[] ErrorEvents = [WebhookEvents.ErrorNew, WebhookEvents.ErrorReopened, WebhookEvents.ErrorSurfaced];

    /// <summary>The window as <paramref name="endpoint"/> is told it, or null when it wants none of its errors.</summary>
    public static WebhookErrorsData? Of(AlertWindow window, WebhookEndpoint endpoint)
    {
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(endpoint);
        if (!endpoint.Enabled)
        {
            return null;
        }

        var errors = window.Entries
            .Select(e => new WebhookErrorItem(e.ErrorId, WebhookEvents.OfAlertReason(e.Reason), e.Category, e.ErrorType, e.ObjectType, e.HubSpotId, e.SalesforceId, e.At))
            .Where(e => endpoint.Wants(e.Event))
            .ToList();
        if (errors.Count == 0)
        {
            return null;
        }

        if (ErrorEvents.All(endpoint.Wants))
        {
            return new WebhookErrorsData(window.OpenedAt, window.ClosesAt, window.Total, window.CountsByErrorType, errors);
        }

        var counts = errors.GroupBy(e => e.ErrorType, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (long)g.Count(), StringComparer.Ordinal);
        return new WebhookErrorsData(window.OpenedAt, window.ClosesAt, errors.Count, counts, errors);
    }
}

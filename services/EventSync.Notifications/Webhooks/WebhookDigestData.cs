using EventSync.Notifications.Digests;

namespace EventSync.Notifications.Webhooks;

/// <summary>The <c>data</c> of a <c>digest</c> delivery: the digest's figures and its top error types.</summary>
internal sealed record WebhookDigestData(
    string Frequency,
    WebhookPeriod Period,
    long CurrentErrors,
    long AffectedRecords,
    long NewErrors,
    long ResolvedErrors,
    long StillOpen,
    IReadOnlyList<WebhookDigestCard> TopCards)
{
    public const int MaxCards = 10;

    public static WebhookDigestData Of(DigestReport report, string frequency)
    {
        ArgumentNullException.ThrowIfNull(report);
        var cards = report.Cards
            .OrderByDescending(c => c.CurrentErrors).ThenBy(c => c.ErrorType, StringComparer.Ordinal)
            .Take(MaxCards)
            .Select(c => new WebhookDigestCard(c.Category, c.ErrorType, c.Title, c.CurrentErrors, c.AffectedRecords))
            .ToList();
        return new WebhookDigestData(
            frequency, new WebhookPeriod(report.Period.Start, report.Period.End), report.CurrentErrors, report.AffectedRecords,
            report.NewErrors, report.ResolvedErrors, report.StillOpen, cards);
    }
}

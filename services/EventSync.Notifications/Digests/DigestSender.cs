using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Email;
using EventSync.Notifications.Webhooks;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Digests;

/// <summary>
/// Sends the digest a <see cref="SendErrorDigest"/> command asks for: claims the period first (a claim sent or held by
/// another sender means nothing to do), builds the report, sends, and marks the claim sent. A forced (test) digest
/// claims nothing and goes out even with nothing to report. A failure leaves the claim to this token: a retry of the
/// same command takes it again, and once its lease ends any sender may. A digest also goes to the tenant's endpoints
/// subscribed to <c>digest</c> (queued before the email, with ids from the period and the endpoint, so a retry queues the
/// same deliveries again), and a tenant with such endpoints gets its digest even without email recipients. A forced
/// digest is an email test: it goes to no webhook.
/// </summary>
internal sealed class DigestSender(
    INotificationSettingsStore settingsStore,
    IDigestClaimStore claims,
    DigestReportBuilder reports,
    DigestEmailComposer composer,
    EmailDelivery delivery,
    WebhookDispatcher webhooks,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<DigestSender> logger)
{
    public async Task SendAsync(SendErrorDigest command, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var kind = command.Force ? "test" : WireName(command.Frequency);
        var settings = await settingsStore.GetAsync(command.TenantId, cancellationToken);
        if (settings is null || (!command.Force && (!settings.Enabled || settings.Frequency != command.Frequency)))
        {
            logger.DigestSkipped(command.Frequency, command.TenantId, command.PeriodStart, "the settings no longer ask for this digest");
            return;
        }

        IReadOnlyList<WebhookEndpoint> endpoints = command.Force
            ? []
            : [.. (await webhooks.EnabledEndpointsAsync(command.TenantId, cancellationToken)).Where(e => e.Wants(WebhookEvents.Digest))];
        if (settings.Recipients.Count == 0 && endpoints.Count == 0)
        {
            logger.DigestSkipped(command.Frequency, command.TenantId, command.PeriodStart, "nobody to send it to (no recipients, no digest webhook)");
            return;
        }

        var period = new DigestPeriod(command.PeriodStart, command.PeriodEnd);
        if (!command.Force)
        {
            var now = time.GetUtcNow();
            var claim = new DigestClaim(command.TenantId, command.Frequency, period.Start, period.End, token, now + options.Value.DigestSendLease);
            var outcome = await claims.TryClaimDigestAsync(claim, now, cancellationToken);
            if (outcome != DigestClaimOutcome.Claimed)
            {
                logger.DigestNotClaimed(command.Frequency, command.TenantId, period.Start, outcome);
                return;
            }
        }

        var zone = DigestSchedule.FindZone(settings.TimeZone) ?? TimeZoneInfo.Utc;
        var report = await reports.BuildAsync(command.TenantId, command.Frequency, period, settings.Language, cancellationToken);
        var nothing = report.HasNothingToReport && !command.Force;
        if (!nothing)
        {
            await QueueWebhooksAsync(report, endpoints, cancellationToken);
            if (settings.Recipients.Count > 0)
            {
                await delivery.SendAsync(composer.Compose(report, settings, zone, command.Force), kind, command.TenantId, cancellationToken);
            }
        }

        if (!command.Force)
        {
            await claims.MarkDigestSentAsync(command.TenantId, command.Frequency, period.Start, token, time.GetUtcNow(), skipped: nothing, cancellationToken);
        }
    }

    private async Task QueueWebhooksAsync(DigestReport report, IReadOnlyList<WebhookEndpoint> endpoints, CancellationToken cancellationToken)
    {
        var frequency = WireName(report.Frequency);
        var data = WebhookJson.ToElement(WebhookDigestData.Of(report, frequency));
        foreach (var endpoint in endpoints)
        {
            var deliveryId = WebhookDeliveryIds.For(WebhookEvents.Digest, report.TenantId, frequency, report.Period.Start.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), endpoint.Id);
            await webhooks.SendAsync(report.TenantId, endpoint, deliveryId, WebhookEvents.Digest, report.Period.End, data, cancellationToken);
        }
    }

    private static string WireName(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Daily => "daily",
        DigestFrequency.Weekly => "weekly",
        _ => "immediate",
    };
}

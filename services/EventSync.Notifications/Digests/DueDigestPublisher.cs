using EventSync.Contracts;
using EventSync.Core.Notifications;
using EventSync.Core.Webhooks;
using EventSync.ServiceDefaults.Messaging;
using MassTransit;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Digests;

/// <summary>
/// Publishes a <see cref="SendErrorDigest"/> for every enabled daily or weekly tenant whose latest due period (in its
/// own time zone) has no sent or live claim: the regular fire, and a period missed while no worker ran. A tenant without
/// email recipients is due only when an enabled webhook endpoint of it is subscribed to <c>digest</c>.
/// </summary>
internal sealed class DueDigestPublisher(
    INotificationSettingsStore settingsStore,
    IDigestClaimStore claims,
    IWebhookStore webhooks,
    DigestSchedule schedule,
    IPublishEndpoint publisher,
    IOptions<MessagingOptions> messaging,
    TimeProvider time,
    ILogger<DueDigestPublisher> logger)
{
    private static readonly DigestFrequency[] Frequencies = [DigestFrequency.Daily, DigestFrequency.Weekly];

    /// <summary>Returns the commands published.</summary>
    public async Task<IReadOnlyList<SendErrorDigest>> PublishDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var published = new List<SendErrorDigest>();
        foreach (var frequency in Frequencies)
        {
            foreach (var settings in await settingsStore.ListEnabledAsync(frequency, cancellationToken))
            {
                if (settings.Recipients.Count == 0 && !await WantsDigestWebhookAsync(settings.TenantId, cancellationToken))
                {
                    continue;
                }

                var zone = DigestSchedule.FindZone(settings.TimeZone);
                if (zone is null)
                {
                    logger.UnknownTimeZone(settings.TimeZone, settings.TenantId);
                }

                var period = schedule.LatestDue(frequency, zone ?? TimeZoneInfo.Utc, now);
                var claim = await claims.GetDigestClaimAsync(settings.TenantId, frequency, period.Start, cancellationToken);
                if (claim is not null && (claim.SentAt is not null || claim.LeaseUntil > now))
                {
                    continue;
                }

                var command = new SendErrorDigest { TenantId = settings.TenantId, Frequency = frequency, PeriodStart = period.Start, PeriodEnd = period.End };
                await messaging.Within(token => publisher.Publish(command, token), cancellationToken);
                logger.DigestDue(frequency, settings.TenantId, period.Start, period.End);
                published.Add(command);
            }
        }

        return published;
    }

    private async Task<bool> WantsDigestWebhookAsync(string tenantId, CancellationToken cancellationToken) =>
        (await webhooks.GetEndpointsAsync(tenantId, cancellationToken)).Any(e => e.Enabled && e.Wants(WebhookEvents.Digest));
}

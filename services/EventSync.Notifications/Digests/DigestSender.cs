using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.Notifications.Email;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Digests;

/// <summary>
/// Sends the digest a <see cref="SendErrorDigest"/> command asks for: claims the period first (a claim sent or held by
/// another sender means nothing to do), builds the report, sends, and marks the claim sent. A forced (test) digest
/// claims nothing and goes out even with nothing to report. A failure leaves the claim to this token: a retry of the
/// same command takes it again, and once its lease ends any sender may.
/// </summary>
internal sealed class DigestSender(
    INotificationSettingsStore settingsStore,
    IDigestClaimStore claims,
    DigestReportBuilder reports,
    DigestEmailComposer composer,
    EmailDelivery delivery,
    TimeProvider time,
    IOptions<NotificationOptions> options,
    ILogger<DigestSender> logger)
{
    public async Task SendAsync(SendErrorDigest command, string token, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        var kind = command.Force ? "test" : WireName(command.Frequency);
        var settings = await settingsStore.GetAsync(command.TenantId, cancellationToken);
        if (settings is null || settings.Recipients.Count == 0 || (!command.Force && (!settings.Enabled || settings.Frequency != command.Frequency)))
        {
            logger.DigestSkipped(command.Frequency, command.TenantId, command.PeriodStart, "the settings no longer ask for this digest");
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
            await delivery.SendAsync(composer.Compose(report, settings, zone, command.Force), kind, command.TenantId, cancellationToken);
        }

        if (!command.Force)
        {
            await claims.MarkDigestSentAsync(command.TenantId, command.Frequency, period.Start, token, time.GetUtcNow(), skipped: nothing, cancellationToken);
        }
    }

    private static string WireName(DigestFrequency frequency) => frequency switch
    {
        DigestFrequency.Daily => "daily",
        DigestFrequency.Weekly => "weekly",
        _ => "immediate",
    };
}

using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Notifications.Alerts;
using EventSync.Notifications.Jobs;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Harness;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace EventSync.Notifications.Tests.Harness;

/// <summary>
/// The notification worker's consumers on MassTransit's test harness, with the worker's own composition and store, a real
/// SMTP server in the test process and a fake clock: no broker.
/// </summary>
public sealed class NotificationConsumerTests : SmtpHarnessTest
{
    [Fact]
    public async Task Should_gather_the_alerts_of_a_window_into_one_email_when_it_closes()
    {
        // The clock starts at the real time, so that the window's own Quartz trigger does not fire during the test.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var opened = time.GetUtcNow();
        await using var host = await StartAsync(time);
        var tenant = SyncFailures.NewTenant("harness-alerts");
        await SaveSettingsAsync(host, tenant, DigestFrequency.Immediate);

        // Three new errors, a reopened one and a surfaced transient one are alerts; a recurrence and a transient failure are not.
        SyncErrorClassified[] classified =
        [
            .. Enumerable.Range(0, 3).Select(i => ClassifiedAlerts.Of(tenant, i, ErrorOccurrence.New, "property-values", SyncFailures.InvalidEmailType, opened)),
            ClassifiedAlerts.Of(tenant, 3, ErrorOccurrence.Reopened, "duplicates", SyncFailures.DuplicateRuleType, opened),
            ClassifiedAlerts.Of(tenant, 4, ErrorOccurrence.Recurring, "property-values", SyncFailures.InvalidEmailType, opened),
            ClassifiedAlerts.Of(tenant, 5, ErrorOccurrence.New, ErrorCatalog.TransientCategory, SyncFailures.LockContentionType, opened),
        ];
        foreach (var message in classified)
        {
            await host.ConsumedAsync<SyncErrorClassified>(await host.PublishAsync(message), $"alert {message.ErrorId} is consumed");
        }

        var surfaced = new TransientErrorSurfaced
        {
            ErrorId = "err-surfaced", TenantId = tenant, ObjectType = "contact", HubSpotId = "777", Category = ErrorCatalog.TransientCategory,
            ErrorType = SyncFailures.LockContentionType, Attempts = 10, SurfacedAt = opened,
        };
        await host.ConsumedAsync<TransientErrorSurfaced>(await host.PublishAsync(surfaced), "the surfaced error is consumed");

        // The alert that opened the window scheduled its flush for when it closes; until then nothing is sent.
        var flush = Assert.Single(await AlertFlushTriggersAsync(host));
        Assert.Equal(opened.AddMinutes(5), flush.StartTimeUtc);
        Assert.Equal(0, await FlushDueAsync(host));
        Assert.Empty(Smtp.Messages);

        // Closed: one email with all five. (The every-minute sweep may send it first; either way it goes once.)
        time.Advance(TimeSpan.FromMinutes(5));
        await FlushDueAsync(host);
        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(Smtp.Messages), m => m.Count > 0, HarnessBus.Timeout, "the alert email arrives"));
        Assert.Equal($"EventSync: new sync errors for {tenant} (5)", email.Subject);
        Assert.Equal(0, await FlushDueAsync(host));
        Assert.Single(Smtp.Messages);
    }

    [Fact]
    public async Task Should_leave_an_error_ignored_since_it_alerted_out_of_the_window_email()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var opened = time.GetUtcNow();
        await using var host = await StartAsync(time);
        var tenant = SyncFailures.NewTenant("harness-ignored");
        await SaveSettingsAsync(host, tenant, DigestFrequency.Immediate);
        var errors = await ErrorSeeds.SeedAsync(
            host.Get<ISyncErrorStore>(),
            [SyncFailures.ToSalesforce(tenant, "601", SyncFailures.InvalidEmail, occurredAt: opened), SyncFailures.ToSalesforce(tenant, "602", SyncFailures.InvalidEmail, occurredAt: opened)],
            opened);
        foreach (var (error, i) in errors.Select((e, i) => (e, i)))
        {
            var message = ClassifiedAlerts.Of(tenant, i, ErrorOccurrence.New, error.Category, error.ErrorType, opened) with { ErrorId = error.Id, HubSpotId = error.HubSpotId };
            await host.ConsumedAsync<SyncErrorClassified>(await host.PublishAsync(message), $"alert {i} is consumed");
        }

        await host.Get<ISyncErrorStore>().IgnoreAsync(tenant, [errors[0].Id], new ErrorIgnore { IgnoredBy = "ops", IgnoredAt = opened }, Ct);
        time.Advance(TimeSpan.FromMinutes(5));
        await FlushDueAsync(host);

        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(Smtp.Messages), m => m.Count > 0, HarnessBus.Timeout, "the alert email arrives"));
        Assert.Equal($"EventSync: new sync errors for {tenant} (1)", email.Subject);
        Assert.Contains("602", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("601", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_keep_no_alert_when_the_tenant_gets_daily_digests()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = await StartAsync(time);
        var tenant = SyncFailures.NewTenant("harness-daily");
        await SaveSettingsAsync(host, tenant, DigestFrequency.Daily);

        var message = ClassifiedAlerts.Of(tenant, 1, ErrorOccurrence.New, "property-values", SyncFailures.InvalidEmailType, time.GetUtcNow());
        await host.ConsumedAsync<SyncErrorClassified>(await host.PublishAsync(message), "the alert is consumed");

        Assert.Empty(await AlertFlushTriggersAsync(host));
        time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(0, await FlushDueAsync(host));
        Assert.Empty(Smtp.Messages);
    }

    [Fact]
    public async Task Should_send_the_digest_once_when_the_same_period_is_asked_for_twice()
    {
        // 08:00:30 in Warsaw on 27 November 2026: the daily period 26 Nov 08:00 .. 27 Nov 08:00.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 7, 0, 30, TimeSpan.Zero));
        var periodStart = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);
        await using var host = await StartAsync(time);
        await NotificationWorld.StartupRunsFinishedAsync(host.Services);
        var tenant = SyncFailures.NewTenant("harness-digest");
        var at = periodStart.AddHours(5);
        await ErrorSeeds.SeedAsync(
            host.Get<ISyncErrorStore>(),
            [SyncFailures.ToSalesforce(tenant, "501", SyncFailures.InvalidEmail, occurredAt: at), SyncFailures.ToSalesforce(tenant, "502", SyncFailures.DuplicateRule, occurredAt: at)],
            at);
        await SaveSettingsAsync(host, tenant, DigestFrequency.Daily);
        var command = new SendErrorDigest { TenantId = tenant, Frequency = DigestFrequency.Daily, PeriodStart = periodStart, PeriodEnd = periodStart.AddDays(1) };

        // Two schedulers found the period due (two instances), and one of the commands is delivered again later.
        var first = await host.PublishAsync(command);
        var second = await host.PublishAsync(command);
        await host.ConsumedAsync<SendErrorDigest>(first, "the first command is consumed");
        await host.ConsumedAsync<SendErrorDigest>(second, "the second command is consumed");
        await host.ConsumedAsync<SendErrorDigest>(await host.PublishAsync(command), "the redelivered command is consumed");

        var email = Assert.Single(Smtp.Messages);
        Assert.Equal($"EventSync daily digest for {tenant} (current sync errors: 2)", email.Subject);
        var claim = await host.Get<IDigestClaimStore>().GetDigestClaimAsync(tenant, DigestFrequency.Daily, periodStart, Ct);
        Assert.NotNull(claim!.SentAt);
        Assert.False(claim.Skipped);
    }

    private Task<HarnessHost> StartAsync(FakeTimeProvider time) => StartWorkerAsync(builder => builder.Services.AddSingleton<TimeProvider>(time));

    private static Task SaveSettingsAsync(HarnessHost host, string tenant, DigestFrequency frequency) =>
        host.Get<INotificationSettingsStore>().SaveAsync(new NotificationSettings(tenant, true, frequency, ["ops@example.com"], "Europe/Warsaw", "en"), Ct);

    private static async Task<int> FlushDueAsync(HarnessHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AlertWindowFlusher>().FlushDueAsync(Ct);
    }

    private static async Task<List<ITrigger>> AlertFlushTriggersAsync(HarnessHost host)
    {
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler(Ct);
        var triggers = await scheduler.GetTriggersOfJob(FlushAlertWindowsJob.Key, Ct);
        return [.. triggers.Where(t => t.Key.Name.StartsWith("alert-window-", StringComparison.Ordinal))];
    }
}

using System.Diagnostics.Metrics;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Notifications.Tests;

/// <summary>
/// Digests over the real broker and SMTP server, driven by a fake clock: due at the tenant's local 08:00, sent once by
/// two instances and across restarts, a missed period caught up, a refusing SMTP server ending in the error queue.
/// </summary>
public sealed class DigestDeliveryTests
{
    private const string Tenant = "portal-4711";

    // 08:00:30 in Warsaw (UTC+1) on 27 November 2026: the daily period 26 Nov 08:00 .. 27 Nov 08:00 is due.
    private static readonly DateTimeOffset JustAfterEight = new(2026, 11, 27, 7, 0, 30, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_send_the_daily_digest_for_the_day_to_local_0800_when_the_tenants_0800_has_come()
    {
        await using var world = await NotificationWorld.StartAsync(JustAfterEight);
        await SeedAsync(world);
        await world.SaveSettingsAsync(Tenant, DigestFrequency.Daily);

        // The start-up run of the Quartz job finds the period due.
        await world.StartWorkerAsync();

        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count > 0, Deadline, "the digest arrives"));
        Assert.Equal("EventSync daily digest for portal-4711 (current sync errors: 2)", email.Subject);
        Assert.Contains("2026-11-26 08:00 - 2026-11-27 08:00 (Europe/Warsaw)", email.TextBody, StringComparison.Ordinal);
        Assert.Equal("ops@example.com", Assert.Single(email.To.Mailboxes).Address);
        // The claim is marked sent once the SMTP server took the email, a moment after the test's server has it.
        await Eventually.HoldsAsync(
            async () => (await world.DigestClaims.GetDigestClaimAsync(Tenant, DigestFrequency.Daily, new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero), TestContext.Current.CancellationToken))?.SentAt is not null,
            Deadline,
            "the period's claim is marked sent");
    }

    [Fact]
    public async Task Should_send_one_digest_when_two_instances_both_find_it_due()
    {
        await using var world = await NotificationWorld.StartAsync(JustAfterEight);
        await SeedAsync(world);
        var first = await world.StartWorkerAsync();
        var second = await world.StartWorkerAsync();
        await NotificationWorld.StartupRunsFinishedAsync(first.Services);
        await NotificationWorld.StartupRunsFinishedAsync(second.Services);
        var consumed = new ConsumedCounter<SendErrorDigest>();
        first.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        second.Services.GetRequiredService<IBus>().ConnectConsumeObserver(consumed);
        await world.SaveSettingsAsync(Tenant, DigestFrequency.Daily);

        // Both schedulers fire for the same period: one command from each instance, competing for the two consumers.
        var command = Assert.Single(await NotificationWorld.PublishDueAsync(first));
        await second.Services.GetRequiredService<IBus>().Publish(command, TestContext.Current.CancellationToken);

        await Eventually.HoldsAsync(() => Task.FromResult(consumed.Count == 2), Deadline, "both commands are consumed");
        Assert.Single(world.Smtp.Messages);
    }

    [Fact]
    public async Task Should_send_a_missed_period_once_when_the_worker_comes_back_after_0800()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(JustAfterEight.AddHours(-1));
        await SeedAsync(world);
        await world.SaveSettingsAsync(Tenant, DigestFrequency.Daily);

        // 07:00 local: the start-up run sends the period that ended yesterday at 08:00; then the worker stops.
        var before = await world.StartWorkerAsync();
        await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count == 1, Deadline, "yesterday's digest arrives");
        await world.StopWorkerAsync(before);

        // The worker was down at 08:00; it comes back at 10:00 local.
        world.Time.SetUtcNow(JustAfterEight.AddHours(2));
        var after = await world.StartWorkerAsync();
        var emails = await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count == 2, Deadline, "the missed digest arrives");
        Assert.Contains("2026-11-26 08:00 - 2026-11-27 08:00 (Europe/Warsaw)", emails[1].TextBody, StringComparison.Ordinal);
        await world.StopWorkerAsync(after);

        // Another restart within the day sends nothing more.
        var again = await world.StartWorkerAsync();
        await NotificationWorld.StartupRunsFinishedAsync(again.Services);
        Assert.Empty(await NotificationWorld.PublishDueAsync(again));
        Assert.Equal(2, world.Smtp.Messages.Count);
        Assert.NotNull((await world.DigestClaims.LastSentDigestAsync(Tenant, ct))?.SentAt);
    }

    [Fact]
    public async Task Should_retry_then_park_the_command_in_the_error_queue_when_the_smtp_server_refuses()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(JustAfterEight);
        await SeedAsync(world);
        world.Smtp.Refusing = true;
        var app = await world.StartWorkerAsync();
        using var counters = new EmailCounters(app.Services.GetRequiredService<IMeterFactory>());
        await NotificationWorld.StartupRunsFinishedAsync(app.Services);
        await world.SaveSettingsAsync(Tenant, DigestFrequency.Daily);

        Assert.Single(await NotificationWorld.PublishDueAsync(app));

        var parked = await ErrorQueueMessage.TakeAsync(world.Broker, NotificationQueues.SendErrorDigestError, Tenant, Deadline, ct);
        Assert.Contains("SmtpCommandException", parked.FaultExceptionType, StringComparison.Ordinal);
        Assert.Equal(3, world.Smtp.Refused);
        Assert.Equal(3, counters["eventsync.emails.failed", "daily"]);
        Assert.Empty(world.Smtp.Messages);

        // Nothing is lost: once the claim's lease ran out, the next check publishes the period again and it goes out.
        world.Smtp.Refusing = false;
        world.Time.Advance(TimeSpan.FromMinutes(11));
        Assert.Single(await NotificationWorld.PublishDueAsync(app));
        Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count > 0, Deadline, "the digest arrives after all"));
        await Eventually.HoldsAsync(() => Task.FromResult(counters["eventsync.emails.sent", "daily"] == 1), Deadline, "the sent email is counted");
    }

    [Fact]
    public async Task Should_send_no_email_when_there_is_nothing_to_report_unless_a_test_digest_is_asked_for()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(JustAfterEight);
        await world.SaveSettingsAsync(Tenant, DigestFrequency.Daily, language: "pl");
        var app = await world.StartWorkerAsync();
        var periodStart = new DateTimeOffset(2026, 11, 26, 7, 0, 0, TimeSpan.Zero);

        var claim = await Eventually.MatchesAsync(
            () => world.DigestClaims.GetDigestClaimAsync(Tenant, DigestFrequency.Daily, periodStart, ct),
            c => c?.SentAt is not null,
            Deadline,
            "the quiet period is marked done");
        Assert.True(claim!.Skipped);
        Assert.Empty(world.Smtp.Messages);

        await app.Services.GetRequiredService<IBus>().Publish(
            new SendErrorDigest { TenantId = Tenant, Frequency = DigestFrequency.Daily, PeriodStart = periodStart, PeriodEnd = periodStart.AddDays(1), Force = true }, ct);

        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count > 0, Deadline, "the test digest arrives"));
        Assert.Equal("EventSync: testowe podsumowanie dla portal-4711 (bieżące błędy synchronizacji: 0)", email.Subject);
        Assert.Contains("Brak błędów synchronizacji w tym okresie.", email.TextBody, StringComparison.Ordinal);
    }

    // Two current errors, both from within the period.
    private static Task<IReadOnlyList<SyncError>> SeedAsync(NotificationWorld world)
    {
        var at = new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);
        return ErrorSeeds.SeedAsync(
            world.Errors,
            [SyncFailures.ToSalesforce(Tenant, "501", SyncFailures.InvalidEmail, occurredAt: at), SyncFailures.ToSalesforce(Tenant, "502", SyncFailures.DuplicateRule, occurredAt: at)],
            at);
    }
}

using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Notifications.Alerts;
using EventSync.Notifications.Jobs;
using EventSync.Notifications.Tests.Infrastructure;
using EventSync.Testing;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace EventSync.Notifications.Tests;

/// <summary>Immediate alerts over the real broker and SMTP server: a burst within the window is one email.</summary>
public sealed class ImmediateAlertTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_send_one_email_with_all_of_it_when_a_thousand_errors_arrive_within_the_window()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(Now);
        const string tenant = "portal-burst";
        await world.SaveSettingsAsync(tenant, DigestFrequency.Immediate, language: "pl");
        var app = await world.StartWorkerAsync();
        var classified = new ConsumedCounter<SyncErrorClassified>();
        var surfaced = new ConsumedCounter<TransientErrorSurfaced>();
        var bus = app.Services.GetRequiredService<IBus>();
        bus.ConnectConsumeObserver(classified);
        bus.ConnectConsumeObserver(surfaced);

        // 998 new and 1 reopened error, 1 transient error that surfaced: 1000 alerts. Recurring and transient ones are no alerts.
        var messages = Enumerable.Range(0, 998).Select(i => ClassifiedAlerts.Of(tenant, i, ErrorOccurrence.New, "property-values", "invalid-email", Now))
            .Append(ClassifiedAlerts.Of(tenant, 998, ErrorOccurrence.Reopened, "duplicates", "salesforce-duplicate-rule", Now))
            .Concat(Enumerable.Range(0, 10).Select(i => ClassifiedAlerts.Of(tenant, 2000 + i, ErrorOccurrence.Recurring, "property-values", "invalid-email", Now)))
            .Concat(Enumerable.Range(0, 5).Select(i => ClassifiedAlerts.Of(tenant, 3000 + i, ErrorOccurrence.New, ErrorCatalog.TransientCategory, "lock-contention", Now)))
            .ToList();
        await Task.WhenAll(messages.Select(m => bus.Publish(m, ct)));
        await bus.Publish(
            new TransientErrorSurfaced { ErrorId = "err-surfaced", TenantId = tenant, ObjectType = "contact", HubSpotId = "777", Category = ErrorCatalog.TransientCategory, ErrorType = "lock-contention", Attempts = 5, SurfacedAt = Now },
            ct);
        await Eventually.HoldsAsync(() => Task.FromResult(classified.Count == messages.Count && surfaced.Count == 1), Deadline, "every alert is consumed");
        Assert.Empty(world.Smtp.Messages);

        world.Time.Advance(TimeSpan.FromMinutes(5));
        var scheduler = await app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
        await scheduler.TriggerJob(FlushAlertWindowsJob.Key, null, ct);

        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count > 0, Deadline, "the alert email arrives"));
        Assert.Equal("EventSync: nowe błędy synchronizacji dla portal-burst (1000)", email.Subject);
        Assert.Contains("Nieprawidłowy adres e-mail: 998", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("... i 950 więcej.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Title("salesforce-duplicate-rule")}: 1", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Title("lock-contention")}: 1", email.TextBody, StringComparison.Ordinal);
        Assert.NotNull(email.HtmlBody);
        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AlertWindowFlusher>().FlushDueAsync(ct));
        Assert.Single(world.Smtp.Messages);
    }

    [Fact]
    public async Task Should_send_nothing_when_the_tenant_gets_daily_digests()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(Now);
        await world.SaveSettingsAsync("portal-daily", DigestFrequency.Daily);
        var app = await world.StartWorkerAsync();
        var classified = new ConsumedCounter<SyncErrorClassified>();
        var bus = app.Services.GetRequiredService<IBus>();
        bus.ConnectConsumeObserver(classified);

        await bus.Publish(ClassifiedAlerts.Of("portal-daily", 1, ErrorOccurrence.New, "property-values", "invalid-email", Now), ct);
        await Eventually.HoldsAsync(() => Task.FromResult(classified.Count == 1), Deadline, "the alert is consumed");
        world.Time.Advance(TimeSpan.FromMinutes(10));

        await using var scope = app.Services.CreateAsyncScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<AlertWindowFlusher>().FlushDueAsync(ct));
        Assert.Empty(world.Smtp.Messages);
    }

    [Fact]
    public async Task Should_send_a_window_left_open_by_a_stopped_worker_when_a_worker_starts_after_it_closed()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var world = await NotificationWorld.StartAsync(Now);
        const string tenant = "portal-restart";
        await world.SaveSettingsAsync(tenant, DigestFrequency.Immediate);
        var before = await world.StartWorkerAsync();
        var classified = new ConsumedCounter<SyncErrorClassified>();
        before.Services.GetRequiredService<IBus>().ConnectConsumeObserver(classified);
        await before.Services.GetRequiredService<IBus>().Publish(ClassifiedAlerts.Of(tenant, 1, ErrorOccurrence.New, "property-values", "invalid-email", Now), ct);
        await Eventually.HoldsAsync(() => Task.FromResult(classified.Count == 1), Deadline, "the alert is consumed");
        await world.StopWorkerAsync(before);

        // The window closed while no worker ran; its one-shot trigger went with the stopped scheduler.
        world.Time.Advance(TimeSpan.FromMinutes(30));
        await world.StartWorkerAsync();

        var email = Assert.Single(await Eventually.MatchesAsync(() => Task.FromResult(world.Smtp.Messages), m => m.Count > 0, Deadline, "the start-up sweep sends the window"));
        Assert.Equal("EventSync: new sync errors for portal-restart (1)", email.Subject);
    }

    private static string Title(string errorType) => ErrorCatalog.Default.Get(errorType).Title.In("pl");
}

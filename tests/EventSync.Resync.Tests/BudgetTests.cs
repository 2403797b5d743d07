using EventSync.Contracts;
using EventSync.Core.Resync;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Jobs;
using EventSync.Resync.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace EventSync.Resync.Tests;

/// <summary>The API budget on a real RabbitMQ, on a fake clock: what fits goes out, the rest waits in order and goes when room comes.</summary>
public sealed class BudgetTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_defer_what_does_not_fit_and_send_it_in_order_when_the_window_frees_room()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", Ct);
        var time = new FakeTimeProvider(T0);
        await using var host = await ResyncHost.StartAsync(session.Uri, time, session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("budget-window");
        await host.Usage.SaveUsageAsync(tenant, 994, 10_000, T0.AddHours(-1), Ct);
        await host.Usage.SetAllocationAsync(tenant, 1_000, Ct);
        var errors = await StoredErrors.SeedAsync(host.Errors, tenant, "sf-sync-eu-1", records: 11, withTwo: 0, T0.AddHours(-2));

        // 994 of 1000 used: the first request's 4 records fit.
        await host.PublishAsync(ResyncRequestTests.Command(tenant, "request-1", errors.Take(4).Select(e => e.Id)));
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count == 4), Deadline, "the first request went out whole");

        // An hour later 998 are used: 2 of the second request's 5 records fit, 3 wait; the third request waits behind them.
        time.Advance(TimeSpan.FromHours(1));
        await host.PublishAsync(ResyncRequestTests.Command(tenant, "request-2", errors.Skip(4).Take(5).Select(e => e.Id)) with { RequestedAt = time.GetUtcNow() });
        var second = await WaitForAsync(host, tenant, "request-2", r => r.Parts.All(p => p.State != ResyncPartState.Queued));
        time.Advance(TimeSpan.FromHours(1));
        await host.PublishAsync(ResyncRequestTests.Command(tenant, "request-3", errors.Skip(9).Select(e => e.Id)) with { RequestedAt = time.GetUtcNow() });
        var third = await WaitForAsync(host, tenant, "request-3", r => r.Parts.All(p => p.State != ResyncPartState.Queued));
        RequestReport.Write("T0+2h (allocation 1000, reported 994)", second);
        RequestReport.Write("T0+2h", third);

        var roomAt = T0.AddDays(1).AddMinutes(1);
        Assert.Equal([ResyncPartState.Sent, ResyncPartState.Sent, ResyncPartState.Deferred, ResyncPartState.Deferred, ResyncPartState.Deferred], second.Parts.Select(p => p.State));
        Assert.All(second.Parts.Skip(2), p => Assert.Equal((roomAt, ResyncDispatcher.BudgetReason), (p.ExpectedAt!.Value, p.Reason!)));
        Assert.Equal([roomAt, roomAt.AddHours(1)], third.Parts.Select(p => p.ExpectedAt));
        Assert.Equal(6, engine.Received.Count);
        Assert.True(await WakeUpScheduledAsync(host, tenant, roomAt), "a Quartz wake-up is scheduled for when room is expected");

        // When EventSync's own first calls leave the 24-hour window, the wake-up sends what fits, oldest request first.
        time.Advance(roomAt - time.GetUtcNow());
        await host.DispatchAsync(tenant);
        second = await WaitForAsync(host, tenant, "request-2", r => true);
        third = await WaitForAsync(host, tenant, "request-3", r => true);
        RequestReport.Write("T0+24h01m (own calls of T0 left the window)", second);
        RequestReport.Write("T0+24h01m", third);
        Assert.All(second.Parts.Skip(2), p => Assert.Equal((ResyncPartState.Sent, roomAt), (p.State, p.SentAt!.Value)));
        Assert.Equal([ResyncPartState.Sent, ResyncPartState.Deferred], third.Parts.Select(p => p.State));

        time.Advance(TimeSpan.FromHours(1));
        await host.DispatchAsync(tenant);
        third = await WaitForAsync(host, tenant, "request-3", r => r.Parts.All(p => p.State == ResyncPartState.Sent));
        RequestReport.Write("T0+25h01m", third);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count == 11), Deadline, "all 11 resyncs went out");
        Assert.Equal(errors.Select(e => e.HubSpotId), engine.Records.Select(r => r.HubSpotId));
        var budget = await host.Budgets.GetBudgetAsync(tenant, time.GetUtcNow(), Ct);
        Assert.Equal(994 + 4 + 1, budget.Used);

        // The engine synced the records: every part completes.
        await using var publisher = await EnginePublisher.ConnectAsync(session.Uri, Ct);
        await publisher.PublishManyAsync(
            EnginePublisher.RecordSynced,
            errors.Select((e, i) => new RecordSynced { EventId = $"synced-{i}", TenantId = tenant, ObjectType = "contact", HubSpotId = e.HubSpotId, SyncedAt = time.GetUtcNow() }),
            Ct);
        second = await WaitForAsync(host, tenant, "request-2", r => r.Outcome == "completed");
        third = await WaitForAsync(host, tenant, "request-3", r => r.Outcome == "completed");
        RequestReport.Write("after the engine reported the records synced", second);
        RequestReport.Write("after the engine reported the records synced", third);
        Assert.All(second.Parts.Concat(third.Parts), p => Assert.Equal(time.GetUtcNow(), p.CompletedAt));
    }

    [Fact]
    public async Task Should_send_deferred_resyncs_when_a_lower_usage_report_arrives()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", Ct);
        await using var publisher = await EnginePublisher.ConnectAsync(session.Uri, Ct);
        var time = new FakeTimeProvider(T0);
        await using var host = await ResyncHost.StartAsync(session.Uri, time, session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("budget-report");
        await host.Usage.SaveUsageAsync(tenant, 1_000, 10_000, T0.AddMinutes(-5), Ct);
        await host.Usage.SetAllocationAsync(tenant, 1_000, Ct);
        var errors = await StoredErrors.SeedAsync(host.Errors, tenant, "sf-sync-eu-1", records: 3, withTwo: 0, T0.AddHours(-2));

        await host.PublishAsync(ResyncRequestTests.Command(tenant, "request-report", errors.Select(e => e.Id)));
        var waiting = await WaitForAsync(host, tenant, "request-report", r => r.Parts.All(p => p.State == ResyncPartState.Deferred));
        RequestReport.Write("allocation 1000, reported 1000", waiting);
        Assert.All(waiting.Parts, p => Assert.Equal(((DateTimeOffset?)null, ResyncDispatcher.ReportReason), (p.ExpectedAt, p.Reason)));

        time.Advance(TimeSpan.FromMinutes(10));
        await publisher.PublishAsync(
            EnginePublisher.ApiUsage,
            new ApiUsageReported { TenantId = tenant, CallsLast24h = 600, SalesforceDailyLimit = 10_000, ReportedAt = time.GetUtcNow() },
            Ct);

        var sent = await WaitForAsync(host, tenant, "request-report", r => r.Parts.All(p => p.State == ResyncPartState.Sent));
        RequestReport.Write("after a report of 600", sent);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count == 3), Deadline, "the deferred resyncs went out");
        Assert.All(sent.Parts, p => Assert.Equal(T0.AddMinutes(10), p.SentAt));
    }

    [Fact]
    public async Task Should_never_send_past_the_allocation_nor_twice_when_two_worker_instances_share_one_store()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", Ct);
        var time = new FakeTimeProvider(T0);
        // Each instance opens the store file itself, as two worker processes on one host do.
        await using var first = await ResyncHost.StartAsync(session.Uri, time, session.DataDir.Path);
        await using var second = await ResyncHost.StartAsync(session.Uri, time, session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("budget-two-workers");
        await first.Usage.SaveUsageAsync(tenant, 970, 10_000, T0.AddHours(-1), Ct);
        await second.Usage.SetAllocationAsync(tenant, 1_000, Ct);
        var errors = await StoredErrors.SeedAsync(first.Errors, tenant, "sf-sync-eu-1", records: 100, withTwo: 0, T0.AddHours(-2));

        var commands = errors.Chunk(10).Select((chunk, i) => ResyncRequestTests.Command(tenant, $"request-{i:D2}", chunk.Select(e => e.Id))).ToList();
        await Task.WhenAll(commands.Select((c, i) => (i % 2 == 0 ? first : second).PublishAsync(c)));

        await Eventually.HoldsAsync(
            async () => (await Task.WhenAll(commands.Select(c => second.Requests.GetRequestAsync(tenant, c.RequestId, Ct))))
                .All(r => r is not null && r.Parts.All(p => p.State != ResyncPartState.Queued)),
            Deadline,
            "every request was taken and its parts sent or deferred");
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count >= 30), Deadline, "30 resyncs went out");
        var requests = await Task.WhenAll(commands.Select(c => first.Requests.GetRequestAsync(tenant, c.RequestId, Ct)));
        var sent = requests.SelectMany(r => r!.Parts.Where(p => p.State == ResyncPartState.Sent)).ToList();
        Assert.Equal(30, sent.Count);
        Assert.Equal(30, engine.Records.Select(r => r.HubSpotId).Distinct().Count());
        Assert.Equal(1_000, (await first.Budgets.GetBudgetAsync(tenant, time.GetUtcNow(), Ct)).Used);
        Assert.Equal(70, requests.Sum(r => r!.Parts.Count(p => p.State == ResyncPartState.Deferred)));
        Assert.Equal(30, engine.Received.Count);
    }

    private static Task<ResyncRequestRecord> WaitForAsync(ResyncHost host, string tenant, string requestId, Func<ResyncRequestRecord, bool> accept) =>
        Eventually.MatchesAsync(
            async () => await host.Requests.GetRequestAsync(tenant, requestId, Ct),
            r => r is not null && accept(r),
            Deadline,
            $"request {requestId} reached the expected state")!;

    private static async Task<bool> WakeUpScheduledAsync(ResyncHost host, string tenant, DateTimeOffset at)
    {
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(Ct);
        return await scheduler.Exists(new TriggerKey($"{tenant}@{at.UtcTicks}", WakeTenantResyncsJob.Group), Ct);
    }
}

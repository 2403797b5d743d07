using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Core.Usage;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Extensions;
using EventSync.Resync.Jobs;
using EventSync.Resync.Tests.Infrastructure;
using EventSync.Resync.Transient;
using EventSync.Testing;
using EventSync.Testing.Harness;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace EventSync.Resync.Tests.Harness;

/// <summary>
/// The resync worker's consumers on MassTransit's test harness, on a fake clock: the API budget and the automatic resyncs
/// of transient failures, with the worker's own composition and store, no broker.
/// </summary>
public sealed class ResyncConsumerTests
{
    private const string EngineId = "sf-sync-eu-1";

    // The fake clock starts at the real time: wire messages are checked against the wall clock.
    private static readonly DateTimeOffset T0 = DateTimeOffset.UtcNow;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_send_what_fits_the_budget_and_defer_the_rest_until_a_lower_usage_report_makes_room()
    {
        await using var host = await StartAsync(new FakeTimeProvider(T0));
        var tenant = SyncFailures.NewTenant("harness-budget");
        var usage = host.Get<IApiUsageStore>();
        await usage.SaveUsageAsync(tenant, 998, 10_000, T0.AddHours(-1), Ct);
        await usage.SetAllocationAsync(tenant, 1_000, Ct);
        var errors = await StoredErrors.SeedAsync(host.Get<ISyncErrorStore>(), tenant, EngineId, records: 4, withTwo: 0, T0.AddHours(-2));

        // 998 of 1000 used: two of the four records fit; the others wait for EventSync's own calls to leave the 24-hour window.
        var command = await host.PublishAsync(ResyncRequestTests.Command(tenant, "request-1", errors.Select(e => e.Id)) with { RequestedAt = T0 });
        await host.ConsumedAsync<ResyncErrors>(command, "the resync command is consumed");

        var request = await RequestAsync(host, tenant, "request-1");
        RequestReport.Write("allocation 1000, reported 998", request);
        Assert.Equal([ResyncPartState.Sent, ResyncPartState.Sent, ResyncPartState.Deferred, ResyncPartState.Deferred], request.Parts.Select(p => p.State));
        var roomAt = request.Parts[2].ExpectedAt!.Value;
        Assert.InRange(roomAt, T0.AddHours(23), T0.AddDays(1).AddMinutes(1));
        Assert.All(request.Parts.Skip(2), p => Assert.Equal((roomAt, ResyncDispatcher.BudgetReason), (p.ExpectedAt!.Value, p.Reason!)));
        Assert.Equal(errors.Take(2).Select(e => e.HubSpotId), SentTo(host, tenant).Select(r => r.HubSpotId));
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler(Ct);
        Assert.True(await scheduler.Exists(new TriggerKey($"{tenant}@{roomAt.UtcTicks}", WakeTenantResyncsJob.Group), Ct), "a wake-up is scheduled for when room is expected");

        // A lower usage report makes room: the waiting parts go out, in order.
        var report = await host.PublishAsync(new ApiUsageReported { TenantId = tenant, CallsLast24h = 600, SalesforceDailyLimit = 10_000, ReportedAt = T0 });
        await host.ConsumedAsync<ApiUsageReported>(report, "the usage report is consumed");

        request = await RequestAsync(host, tenant, "request-1");
        RequestReport.Write("after a report of 600", request);
        Assert.All(request.Parts, p => Assert.Equal((ResyncPartState.Sent, T0, false), (p.State, p.SentAt!.Value, p.Unconfirmed)));
        Assert.Equal(errors.Select(e => e.HubSpotId), SentTo(host, tenant).Select(r => r.HubSpotId));
        Assert.Equal(request.Parts.Select(p => ResyncMessageId.Of(tenant, "request-1", p.Index)), host.SendsSoFar<ResyncRecord>().Where(c => c.Message.TenantId == tenant).Select(c => c.MessageId!.Value));
    }

    [Fact]
    public async Task Should_resync_a_transient_failure_after_its_back_off_and_surface_it_once_after_the_last_try()
    {
        // The real clock and short back-offs: Quartz reads the host's TimeProvider, and its wake-ups send the automatic resyncs.
        await using var host = await StartAsync(TimeProvider.System, "--EventSync:Resync:MaxAttempts=2", "--EventSync:Resync:FirstRetryDelay=00:00:02");
        var tenant = SyncFailures.NewTenant("harness-transient");
        var errors = host.Get<ISyncErrorStore>();
        var error = Assert.Single(await StoredErrors.RecordAsync(errors, StoredErrors.Failure(tenant, "4711", EngineId, T0, SyncFailures.RowLock)));

        // First failure: an automatic resync after about two seconds (±20%), not at once; the wake-up then sends it.
        await ClassifiedAsync(host, error, "event-1", ErrorOccurrence.New);
        var first = await RequestAsync(host, tenant, $"auto-{error.Id}-1");
        RequestReport.Write("after failure 1", first);
        Assert.Equal((ResyncKind.Automatic, ResyncDispatcher.BackOffReason), (first.Kind, first.Parts[0].Reason));
        Assert.InRange(first.NotBefore - first.RequestedAt, TimeSpan.FromSeconds(1.6), TimeSpan.FromSeconds(2.4));
        Assert.Equal(SyncErrorState.ResyncPending, (await errors.GetAsync(tenant, error.Id, Ct))!.State);
        var sent = await SentAsync(host, first);
        Assert.True(sent.Parts[0].SentAt >= first.NotBefore, "sent at the end of the back-off");

        // Second failure after the resync: that resync failed; the next waits about twice as long.
        await ClassifiedAsync(host, error, "event-2", ErrorOccurrence.Recurring);
        Assert.Equal(ResyncPartState.Failed, (await RequestAsync(host, tenant, first.RequestId)).Parts[0].State);
        var second = await RequestAsync(host, tenant, $"auto-{error.Id}-2");
        RequestReport.Write("after failure 2", second);
        Assert.InRange(second.NotBefore - second.RequestedAt, TimeSpan.FromSeconds(3.2), TimeSpan.FromSeconds(4.8));
        await SentAsync(host, second);

        // Third failure: past MaxAttempts (2) the error surfaces; no further resync is planned.
        await ClassifiedAsync(host, error, "event-3", ErrorOccurrence.Recurring);
        Assert.Null(await host.Get<IResyncRequestStore>().GetRequestAsync(tenant, $"auto-{error.Id}-3", Ct));
        // Announced through the outbox of the surfacing write, by the worker's outbox dispatcher.
        var surfaced = Assert.Single(await Eventually.MatchesAsync(
            () => Task.FromResult(Surfaced(host, error)), a => a.Count > 0, HarnessBus.Timeout, "the surfaced error is announced"));
        var stored = await errors.GetAsync(tenant, error.Id, Ct);
        Assert.NotNull(stored!.SurfacedAt);
        Assert.Equal((tenant, "transient", SyncFailures.LockContentionType, 2), (surfaced.Message.TenantId, surfaced.Message.Category, surfaced.Message.ErrorType, surfaced.Message.Attempts));
        Assert.Equal(SurfacedMessageId.Of(stored, stored.SurfacedAt.Value), surfaced.MessageId);

        // Neither a redelivery of the failure that surfaced it nor a later failure announces it again: once the outbox is
        // empty, whatever they had queued would have been published.
        await ClassifiedAsync(host, error, "event-3", ErrorOccurrence.Recurring);
        await ClassifiedAsync(host, error, "event-4", ErrorOccurrence.Recurring);
        await Eventually.HoldsAsync(async () => await host.Get<IOutboxStore>().CountAsync(Ct) == 0, HarnessBus.Timeout, "the outbox is empty");
        Assert.Equal([surfaced], Surfaced(host, error));
        Assert.Equal([first.RequestId, second.RequestId], SentTo(host, tenant).Select(r => r.RequestId));
    }

    [Fact]
    public async Task Should_plan_no_resync_when_the_classified_error_is_not_transient()
    {
        await using var host = await StartAsync(new FakeTimeProvider(T0));
        var tenant = SyncFailures.NewTenant("harness-permanent");
        var error = Assert.Single(await StoredErrors.RecordAsync(host.Get<ISyncErrorStore>(), StoredErrors.Failure(tenant, "4712", EngineId, T0, SyncFailures.InvalidEmail)));

        await ClassifiedAsync(host, error, "event-1", ErrorOccurrence.New);

        Assert.Empty(await host.Get<IResyncRequestStore>().ListWaitingAsync(tenant, Ct));
        Assert.Null(await host.Get<IResyncRequestStore>().GetRequestAsync(tenant, $"auto-{error.Id}-1", Ct));
        Assert.Equal(SyncErrorState.Open, (await host.Get<ISyncErrorStore>().GetAsync(tenant, error.Id, Ct))!.State);
        Assert.Empty(SentTo(host, tenant));
        Assert.Empty(Surfaced(host, error));
    }

    [Fact]
    public async Task Should_send_again_with_the_same_message_id_a_resync_whose_worker_died_between_its_claim_and_the_confirm()
    {
        // What a worker killed mid-send leaves in the store: the parts claimed (sent, unconfirmed), nothing confirmed.
        await using var host = await StartAsync(new FakeTimeProvider(T0));
        var tenant = SyncFailures.NewTenant("harness-unconfirmed");
        var store = host.Get<IResyncRequestStore>();
        var errors = await StoredErrors.SeedAsync(host.Get<ISyncErrorStore>(), tenant, EngineId, records: 2, withTwo: 0, T0.AddHours(-1));
        var planned = ResyncPlanner.Plan(new ResyncRequestHeader("request-1", tenant, "anna", T0.AddMinutes(-10), ResyncKind.Operator), errors);
        await store.AddRequestAsync(planned, Ct);
        var longAgo = T0.AddMinutes(-5);
        var justNow = T0.AddSeconds(-30);
        await store.UpdateRequestAsync(tenant, "request-1", r => ResyncRequestTransitions.Claim(r, 0, longAgo), Ct);
        await store.UpdateRequestAsync(tenant, "request-1", r => ResyncRequestTransitions.Claim(r, 1, justNow), Ct);

        await DispatchAsync(host, tenant);

        // The part claimed longer ago than ResendUnconfirmedAfter (2 min) goes again, with the id its first send had.
        var resent = Assert.Single(host.SendsSoFar<ResyncRecord>(), c => c.Message.TenantId == tenant);
        Assert.Equal((errors[0].HubSpotId, "request-1"), (resent.Message.HubSpotId, resent.Message.RequestId));
        Assert.Equal(ResyncMessageId.Of(tenant, "request-1", 0), resent.MessageId);
        var request = await RequestAsync(host, tenant, "request-1");
        RequestReport.Write("after a dispatch with one claim old enough", request);
        Assert.Equal([(ResyncPartState.Sent, false, T0), (ResyncPartState.Sent, true, justNow)], request.Parts.Select(p => (p.State, p.Unconfirmed, p.SentAt!.Value)));

        // The other may still be waiting for its broker: it is left alone, with a wake-up for when its wait is over.
        var scheduler = await host.Get<ISchedulerFactory>().GetScheduler(Ct);
        Assert.True(await scheduler.Exists(new TriggerKey($"{tenant}@{justNow.AddMinutes(2).UtcTicks}", WakeTenantResyncsJob.Group), Ct), "a wake-up is scheduled for the other part");
        Assert.Contains(tenant, await store.ListTenantsWaitingAsync(Ct));
    }

    [Fact]
    public async Task Should_announce_a_request_once_its_last_part_finished_and_not_before()
    {
        await using var host = await StartAsync(new FakeTimeProvider(T0));
        var tenant = SyncFailures.NewTenant("harness-finished");
        var errors = await SentRequestAsync(host, tenant, "request-1");

        var synced = await host.PublishAsync(new RecordSynced { EventId = Guid.NewGuid().ToString(), TenantId = tenant, ObjectType = "contact", HubSpotId = errors[0].HubSpotId, SyncedAt = T0 });
        await host.ConsumedAsync<RecordSynced>(synced, "the first record's sync is consumed");
        Assert.DoesNotContain(host.PublishesSoFar<ResyncRequestFinished>(), c => c.Message.TenantId == tenant);
        var halfway = await RequestAsync(host, tenant, "request-1");
        Assert.Equal(("in-progress", false), (halfway.Outcome, halfway.FinishUnannounced));

        await ClassifiedAsync(host, errors[1], "event-again", ErrorOccurrence.Recurring);

        var finished = await host.PublishedAsync<ResyncRequestFinished>(m => m.TenantId == tenant, "the request's finish is announced");
        Assert.Equal(ResyncMessageId.OfFinish(tenant, "request-1"), finished.Context.MessageId);
        var message = finished.Context.Message;
        Assert.Equal(("request-1", "anna", "failed", 2, 1, 1, T0), (message.RequestId, message.RequestedBy, message.Outcome, message.Records, message.Completed, message.Failed, message.FinishedAt));
        var request = await RequestAsync(host, tenant, "request-1");
        Assert.False(request.FinishUnannounced);
        Assert.DoesNotContain(tenant, await host.Get<IResyncRequestStore>().ListTenantsWaitingAsync(Ct));
    }

    [Fact]
    public async Task Should_announce_again_with_the_same_message_id_a_finish_whose_worker_died_before_the_confirm()
    {
        // What a worker killed between the finishing write and the broker's confirm leaves: the request finished, unannounced.
        await using var host = await StartAsync(new FakeTimeProvider(T0));
        var tenant = SyncFailures.NewTenant("harness-unannounced");
        var errors = await SentRequestAsync(host, tenant, "request-1");
        var store = host.Get<IResyncRequestStore>();
        var finished = await store.UpdateRequestAsync(tenant, "request-1", r => ResyncRequestTransitions.Complete(r, _ => true, T0), Ct);
        Assert.True(finished!.FinishUnannounced);
        Assert.Contains(tenant, await store.ListTenantsWaitingAsync(Ct));

        await DispatchAsync(host, tenant);

        var announced = Assert.Single(host.PublishesSoFar<ResyncRequestFinished>(), c => c.Message.TenantId == tenant);
        Assert.Equal((ResyncMessageId.OfFinish(tenant, "request-1"), "completed", errors.Count), (announced.MessageId, announced.Message.Outcome, announced.Message.Completed));
        Assert.False((await RequestAsync(host, tenant, "request-1")).FinishUnannounced);
        Assert.DoesNotContain(tenant, await store.ListTenantsWaitingAsync(Ct));
        Assert.Empty(SentTo(host, tenant));
    }

    // A request of two records whose parts both went out and were confirmed.
    private static async Task<IReadOnlyList<SyncError>> SentRequestAsync(HarnessHost host, string tenant, string requestId)
    {
        var store = host.Get<IResyncRequestStore>();
        var errors = await StoredErrors.SeedAsync(host.Get<ISyncErrorStore>(), tenant, EngineId, records: 2, withTwo: 0, T0.AddHours(-1));
        await store.AddRequestAsync(ResyncPlanner.Plan(new ResyncRequestHeader(requestId, tenant, "anna", T0.AddMinutes(-10), ResyncKind.Operator), errors), Ct);
        foreach (var index in new[] { 0, 1 })
        {
            await store.UpdateRequestAsync(tenant, requestId, r => ResyncRequestTransitions.Claim(r, index, T0.AddMinutes(-5)), Ct);
            await store.UpdateRequestAsync(tenant, requestId, r => ResyncRequestTransitions.Confirm(r, index, T0.AddMinutes(-5)), Ct);
        }

        return errors;
    }

    private static async Task DispatchAsync(HarnessHost host, string tenant)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ResyncDispatcher>().DispatchAsync(tenant, Ct);
    }

    private static Task<HarnessHost> StartAsync(TimeProvider time, params string[] settings) =>
        HarnessHost.StartAsync(
            builder =>
            {
                builder.AddResyncWorker();
                builder.Services.AddSingleton<TimeProvider>(time);
                builder.Services.AddSingleton<PublishTap<TransientErrorSurfaced>>();
                builder.Services.AddPublishObserver(provider => provider.GetRequiredService<PublishTap<TransientErrorSurfaced>>());
            },
            settings);

    private static async Task ClassifiedAsync(HarnessHost host, SyncError error, string eventId, ErrorOccurrence occurrence) =>
        await host.ConsumedAsync<SyncErrorClassified>(
            await host.PublishAsync(ClassifiedErrors.Of(error, eventId, occurrence, host.Get<TimeProvider>().GetUtcNow())),
            $"SyncErrorClassified of {eventId} is consumed");

    // What a Quartz wake-up at the end of the back-off does, awaited with a deadline.
    private static Task<ResyncRequestRecord> SentAsync(HarnessHost host, ResyncRequestRecord request) =>
        Eventually.MatchesAsync(
            () => RequestAsync(host, request.TenantId, request.RequestId),
            r => r.Parts.All(p => p.State == ResyncPartState.Sent),
            HarnessBus.Timeout,
            $"request {request.RequestId} is sent once its back-off is over");

    private static async Task<ResyncRequestRecord> RequestAsync(HarnessHost host, string tenant, string requestId) =>
        await host.Get<IResyncRequestStore>().GetRequestAsync(tenant, requestId, Ct) ?? throw new InvalidOperationException($"No request {requestId}.");

    private static List<ResyncRecord> SentTo(HarnessHost host, string tenant) => [.. host.SentSoFar<ResyncRecord>().Where(r => r.TenantId == tenant)];

    private static List<(Guid? MessageId, TransientErrorSurfaced Message)> Surfaced(HarnessHost host, SyncError error) =>
        [.. host.Get<PublishTap<TransientErrorSurfaced>>().Published.Where(m => m.Message.ErrorId == error.Id)];
}

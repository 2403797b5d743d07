using EventSync.Contracts;
using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Resync.Dispatching;
using EventSync.Resync.Tests.Infrastructure;
using EventSync.Resync.Transient;
using EventSync.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EventSync.Resync.Tests;

/// <summary>Transient failures on a real RabbitMQ, on a fake clock: resynced automatically with back-off, then surfaced.</summary>
public sealed class TransientRetryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Should_resync_a_transient_failure_with_back_off_and_surface_it_after_the_last_try()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", Ct);
        var time = new FakeTimeProvider(T0);
        await using var host = await ResyncHost.StartAsync(
            session.Uri, time, session.DataDir.Path, true, "--EventSync:Resync:MaxAttempts=2", "--EventSync:Resync:FirstRetryDelay=00:01:00");
        var tenant = SyncFailures.NewTenant("transient");
        var error = Assert.Single(await StoredErrors.RecordAsync(host.Errors, StoredErrors.Failure(tenant, "4711", "sf-sync-eu-1", T0, SyncFailures.RowLock)));
        Assert.Equal(SyncFailures.LockContentionType, error.ErrorType);

        // First failure: an automatic resync about a minute later (±20%), not at once.
        await host.PublishAsync(ClassifiedErrors.Of(error, "event-1", ErrorOccurrence.New, T0));
        var first = await WaitForAsync(host, tenant, $"auto-{error.Id}-1", r => r.Parts[0].State == ResyncPartState.Deferred);
        RequestReport.Write("after failure 1", first);
        Assert.Equal((ResyncKind.Automatic, "automatic"), (first.Kind, first.RequestedBy));
        Assert.InRange(first.Parts[0].ExpectedAt!.Value, T0.AddSeconds(48), T0.AddSeconds(72));
        Assert.Equal(ResyncDispatcher.BackOffReason, first.Parts[0].Reason);
        Assert.Empty(engine.Received);

        time.Advance(TimeSpan.FromMinutes(2));
        await host.DispatchAsync(tenant);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count == 1), Deadline, "the first automatic resync went out");

        // Second failure after the resync: that part failed; the next resync waits about twice as long.
        await host.PublishAsync(ClassifiedErrors.Of(error, "event-2", ErrorOccurrence.Recurring, time.GetUtcNow()));
        var second = await WaitForAsync(host, tenant, $"auto-{error.Id}-2", r => r.Parts[0].State == ResyncPartState.Deferred);
        RequestReport.Write("after failure 2", second);
        Assert.InRange(second.Parts[0].ExpectedAt!.Value, time.GetUtcNow().AddSeconds(96), time.GetUtcNow().AddSeconds(144));
        first = await WaitForAsync(host, tenant, $"auto-{error.Id}-1", r => r.Parts[0].State == ResyncPartState.Failed);
        RequestReport.Write("the first automatic request", first);

        time.Advance(TimeSpan.FromMinutes(3));
        await host.DispatchAsync(tenant);
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count == 2), Deadline, "the second automatic resync went out");

        // Third failure: past MaxAttempts (2), the error surfaces with its history and no further resync is planned.
        await host.PublishAsync(ClassifiedErrors.Of(error, "event-3", ErrorOccurrence.Recurring, time.GetUtcNow()));
        await Eventually.HoldsAsync(() => Task.FromResult(!host.Received.Surfaced.IsEmpty), Deadline, "TransientErrorSurfaced was published");
        var surfaced = Assert.Single(host.Received.Surfaced);
        Assert.Equal((error.Id, tenant, "transient", SyncFailures.LockContentionType, 2), (surfaced.ErrorId, surfaced.TenantId, surfaced.Category, surfaced.ErrorType, surfaced.Attempts));
        var stored = await host.Errors.GetAsync(tenant, error.Id, Ct);
        Assert.Equal(time.GetUtcNow(), stored!.SurfacedAt);
        Assert.NotEmpty(stored.History);
        var card = Assert.Single(await host.Errors.GetErrorCardsAsync(tenant, Ct));
        Assert.Equal(("transient", SyncFailures.LockContentionType, 1L), (card.Category, card.ErrorType, card.CurrentErrors));
        Assert.Null(await host.Requests.GetRequestAsync(tenant, $"auto-{error.Id}-3", Ct));
        Assert.Equal(2, engine.Received.Count);

        // Neither a redelivery of the failure that surfaced it nor a fourth failure announces it again: the announcement was
        // queued once, with the surfacing write. The handler runs here directly; once the outbox is empty, a marker published
        // after it arrives after anything it would have published.
        time.Advance(TimeSpan.FromMinutes(1));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var handler = scope.ServiceProvider.GetRequiredService<TransientFailureHandler>();
            await handler.HandleAsync(ClassifiedErrors.Of(error, "event-3", ErrorOccurrence.Recurring, time.GetUtcNow()), Ct);
            await handler.HandleAsync(ClassifiedErrors.Of(error, "event-4", ErrorOccurrence.Recurring, time.GetUtcNow()), Ct);
        }

        await Eventually.HoldsAsync(async () => await host.Services.GetRequiredService<IOutboxStore>().CountAsync(Ct) == 0, Deadline, "the outbox is empty");
        await host.PublishAsync(surfaced with { ErrorId = "marker" });
        await Eventually.HoldsAsync(() => Task.FromResult(host.Received.Surfaced.Any(s => s.ErrorId == "marker")), Deadline, "the marker arrived");
        Assert.Single(host.Received.Surfaced, s => s.ErrorId == error.Id);
        var id = host.Received.Surfaced.Zip(host.Received.SurfacedMessageIds).Single(pair => pair.First.ErrorId == error.Id).Second;
        Assert.Equal(SurfacedMessageId.Of(stored, stored.SurfacedAt!.Value), id);

    }

    [Fact]
    public async Task Should_send_the_automatic_resync_when_the_quartz_wake_up_fires_at_the_end_of_the_back_off()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", Ct);
        await using var host = await ResyncHost.StartAsync(
            session.Uri, TimeProvider.System, session.DataDir.Path, false, "--EventSync:Resync:FirstRetryDelay=00:00:01");
        var tenant = SyncFailures.NewTenant("transient-quartz");
        var now = TimeProvider.System.GetUtcNow();
        var error = Assert.Single(await StoredErrors.RecordAsync(host.Errors, StoredErrors.Failure(tenant, "4712", "sf-sync-eu-1", now, SyncFailures.RowLock)));

        await host.PublishAsync(ClassifiedErrors.Of(error, "event-1", ErrorOccurrence.New, now));

        // Nobody calls the dispatcher here: only the one-shot trigger at the end of the back-off can send it.
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count == 1), Deadline, "the Quartz wake-up sent the automatic resync");
        var request = await WaitForAsync(host, tenant, $"auto-{error.Id}-1", r => r.Parts[0].State == ResyncPartState.Sent);
        Assert.InRange(request.Parts[0].SentAt!.Value - request.RequestedAt, TimeSpan.FromMilliseconds(800), TimeSpan.FromSeconds(15));
    }

    [Fact]
    public void Should_double_the_delay_with_jitter_and_stop_at_the_cap_when_failures_repeat()
    {
        var random = new Random(7);
        var first = TimeSpan.FromMinutes(1);
        var max = TimeSpan.FromHours(1);

        var delays = Enumerable.Range(1, 10).Select(f => Transient.TransientBackOff.Delay(f, first, max, random)).ToList();

        for (var failure = 1; failure <= 10; failure++)
        {
            var planned = Math.Min(first.TotalSeconds * Math.Pow(2, failure - 1), max.TotalSeconds);
            Assert.InRange(delays[failure - 1].TotalSeconds, planned * 0.8, Math.Min(planned * 1.2, max.TotalSeconds));
        }

        Assert.All(delays.Skip(6), d => Assert.InRange(d, TimeSpan.FromMinutes(48), max));
    }

    private static async Task<ResyncRequestRecord> WaitForAsync(ResyncHost host, string tenant, string requestId, Func<ResyncRequestRecord, bool> accept) =>
        (await Eventually.MatchesAsync(
            () => host.Requests.GetRequestAsync(tenant, requestId, Ct),
            r => r is not null && accept(r),
            Deadline,
            $"request {requestId} reached the expected state"))!;
}

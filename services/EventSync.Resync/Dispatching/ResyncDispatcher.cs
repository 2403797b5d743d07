using EventSync.Contracts;
using EventSync.Core.Resync;
using Microsoft.Extensions.Options;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// Sends a tenant's waiting resyncs in order ((not-before, request id, part index)) while the API budget has room. A part
/// goes out only after the budget reserved its calls and the store moved it from waiting to sent (so two instances or a
/// redelivery never send it twice); the first part that does not fit defers it and every later one, with the time room is
/// expected, and schedules a wake-up then. Nothing waits in memory: what waits is in the store.
/// The claim is the part's outbox: it stays unconfirmed until the broker confirmed the send, and a part a dead worker left
/// unconfirmed is claimed again and sent again, with the same message id, once <see cref="ResyncOptions.ResendUnconfirmedAfter"/>
/// has passed since its claim (its calls stay reserved). A finished request whose finish is not announced yet (a worker
/// died before the confirm) is announced again.
/// </summary>
internal sealed class ResyncDispatcher(
    IResyncRequestStore requests,
    IApiBudgetStore budgets,
    ResyncSender sender,
    ResyncFinishAnnouncer announcer,
    ResyncWakeups wakeups,
    TenantDispatchGates gates,
    ResyncMetrics metrics,
    IOptions<ResyncOptions> options,
    TimeProvider time,
    ILogger<ResyncDispatcher> logger)
{
    public const string BudgetReason = "api-budget: the tenant's Salesforce API allocation to HubSpot is used up; goes out as EventSync's own calls leave the 24-hour window";
    public const string ReportReason = "api-budget: the reported usage alone fills the allocation; waits for a lower usage report";
    public const string BackOffReason = "back-off: automatic resync of a transient failure";

    public async Task DispatchAsync(string tenantId, CancellationToken cancellationToken)
    {
        var gate = gates.For(tenantId);
        await gate.WaitAsync(cancellationToken);
        try
        {
            await DispatchWaitingAsync(tenantId, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task DispatchWaitingAsync(string tenantId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var calls = options.Value.CallsPerResync;
        var deferrals = new Dictionary<string, Dictionary<int, (DateTimeOffset? ExpectedAt, string Reason)>>(StringComparer.Ordinal);
        ApiBudget? full = null;
        var held = 0;
        DateTimeOffset? wakeAt = null;
        foreach (var request in await requests.ListWaitingAsync(tenantId, cancellationToken))
        {
            if (request.FinishUnannounced)
            {
                await announcer.AnnounceAsync(request, cancellationToken);
                continue;
            }

            foreach (var part in request.Parts.Where(p => p.Unconfirmed).OrderBy(p => p.Index))
            {
                var resendAt = part.SentAt!.Value + options.Value.ResendUnconfirmedAfter;
                if (resendAt <= now)
                {
                    await ResendAsync(request, part, now, cancellationToken);
                }
                else
                {
                    wakeAt = Earliest(wakeAt, resendAt);
                }
            }

            foreach (var part in request.Parts.Where(p => p.State.IsWaiting()).OrderBy(p => p.Index))
            {
                (DateTimeOffset? ExpectedAt, string Reason)? deferral = null;
                if (request.NotBefore > now)
                {
                    deferral = (request.NotBefore, BackOffReason);
                }
                else if (full is null)
                {
                    var reservation = await budgets.TryReserveAsync(tenantId, calls, now, cancellationToken);
                    if (reservation.Reserved)
                    {
                        await SendAsync(request, part, now, calls, cancellationToken);
                        continue;
                    }

                    full = reservation.Budget;
                }

                if (deferral is null)
                {
                    held++;
                    var expectedAt = full!.RoomExpectedAt(calls * held);
                    deferral = (expectedAt, expectedAt is null ? ReportReason : BudgetReason);
                }

                wakeAt = Earliest(wakeAt, deferral.Value.ExpectedAt);
                if (!deferrals.TryGetValue(request.RequestId, out var ofRequest))
                {
                    deferrals[request.RequestId] = ofRequest = [];
                }

                ofRequest[part.Index] = deferral.Value;
            }
        }

        await DeferAsync(tenantId, deferrals, cancellationToken);
        if (wakeAt is { } at)
        {
            await wakeups.WakeAtAsync(tenantId, at, cancellationToken);
        }
    }

    private async Task SendAsync(ResyncRequestRecord request, ResyncPart part, DateTimeOffset now, long calls, CancellationToken cancellationToken)
    {
        var claimed = await requests.UpdateRequestAsync(request.TenantId, request.RequestId, r => ResyncRequestTransitions.Claim(r, part.Index, now), cancellationToken);
        if (claimed is null)
        {
            // Another instance (or an earlier delivery) sent it: give the calls back.
            await budgets.ReleaseAsync(request.TenantId, calls, now, now, cancellationToken);
            return;
        }

        metrics.Reserved(calls);
        var engineId = sender.EngineOf(part.EngineId);
        try
        {
            await sender.SendAsync(ToMessage(request, part, engineId), ResyncMessageId.Of(request.TenantId, request.RequestId, part.Index), cancellationToken);
        }
        catch (Exception e)
        {
            logger.SendFailed(e, request.RequestId, part.RecordKey, engineId);
            await requests.UpdateRequestAsync(request.TenantId, request.RequestId, r => ResyncRequestTransitions.Unclaim(r, part.Index, now), CancellationToken.None);
            await budgets.ReleaseAsync(request.TenantId, calls, now, now, CancellationToken.None);
            throw;
        }

        await ConfirmAsync(request, part, now, engineId);
    }

    // Sent again as it was: a failure leaves it unconfirmed (claimed now), for the next try after the wait.
    private async Task ResendAsync(ResyncRequestRecord request, ResyncPart part, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var reclaimed = await requests.UpdateRequestAsync(
            request.TenantId, request.RequestId, r => ResyncRequestTransitions.Reclaim(r, part.Index, part.SentAt!.Value, now), cancellationToken);
        if (reclaimed is null)
        {
            // Another worker sent it again, or its first send was confirmed since it was read.
            return;
        }

        var engineId = sender.EngineOf(part.EngineId);
        logger.PartResent(request.RequestId, part.RecordKey, engineId, part.SentAt!.Value);
        await sender.SendAsync(ToMessage(request, part, engineId), ResyncMessageId.Of(request.TenantId, request.RequestId, part.Index), cancellationToken);
        await ConfirmAsync(request, part, now, engineId);
    }

    // Sent is sent, even when the worker is stopping: without the confirm it would be sent again.
    private async Task ConfirmAsync(ResyncRequestRecord request, ResyncPart part, DateTimeOffset sentAt, string engineId)
    {
        await requests.UpdateRequestAsync(request.TenantId, request.RequestId, r => ResyncRequestTransitions.Confirm(r, part.Index, sentAt), CancellationToken.None);
        metrics.Sent(engineId);
        logger.PartSent(request.RequestId, part.ObjectType, part.RecordKey, engineId);
    }

    private static DateTimeOffset? Earliest(DateTimeOffset? first, DateTimeOffset? second) =>
        first is null ? second : second is null ? first : first < second ? first : second;

    private async Task DeferAsync(
        string tenantId, Dictionary<string, Dictionary<int, (DateTimeOffset? ExpectedAt, string Reason)>> deferrals, CancellationToken cancellationToken)
    {
        foreach (var (requestId, parts) in deferrals)
        {
            var changed = await requests.UpdateRequestAsync(tenantId, requestId, r => ResyncRequestTransitions.Defer(r, parts), cancellationToken);
            if (changed is null)
            {
                continue;
            }

            foreach (var part in changed.Parts.Where(p => parts.ContainsKey(p.Index)))
            {
                metrics.Deferred(sender.EngineOf(part.EngineId));
            }

            var first = parts.Values.First();
            logger.PartsDeferred(tenantId, parts.Count, first.ExpectedAt, first.Reason);
        }
    }

    private static ResyncRecord ToMessage(ResyncRequestRecord request, ResyncPart part, string engineId) => new()
    {
        RequestId = request.RequestId,
        TenantId = request.TenantId,
        EngineId = engineId,
        ObjectType = part.ObjectType,
        HubSpotId = part.HubSpotId,
        SalesforceId = part.SalesforceId,
        Direction = part.Direction,
        ErrorIds = part.ErrorIds,
        RequestedAt = request.RequestedAt,
    };
}

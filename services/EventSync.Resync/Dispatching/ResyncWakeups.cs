using EventSync.Resync.Jobs;
using Quartz;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// Wakes a tenant's waiting resyncs at the moment room or the end of a back-off is expected: one one-shot Quartz trigger
/// per tenant and instant (scheduling the same instant twice keeps one). The store holds what waits; the triggers only
/// say when to look, so a restart loses nothing (the start-up sweep finds it).
/// </summary>
internal sealed class ResyncWakeups(ISchedulerFactory schedulers, TimeProvider time)
{
    public async Task WakeAtAsync(string tenantId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = new TriggerKey($"{tenantId}@{at.UtcTicks}", WakeTenantResyncsJob.Group);
        if (await scheduler.Exists(key, cancellationToken))
        {
            return;
        }

        // Quartz fires on the machine clock; a wake-up computed on another clock (tests) is never scheduled in the past.
        var startAt = at > time.GetUtcNow() ? at : time.GetUtcNow();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(WakeTenantResyncsJob.Key)
            .UsingJobData(WakeTenantResyncsJob.TenantIdKey, tenantId)
            .StartAt(startAt)
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another consumer of this instance scheduled the same wake-up meanwhile.
        }
    }
}

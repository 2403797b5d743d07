using System.Collections.Concurrent;
using EventSync.Resync.Jobs;
using Quartz;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// Wakes a tenant's waiting resyncs at the moment room or the end of a back-off is expected: one one-shot Quartz trigger
/// per tenant and instant. The store holds what waits; the triggers only say when to look, so a restart loses nothing
/// (the start-up sweep finds it). An instant is scheduled once per process: a wake-up that finds its work not due yet
/// (the clocks disagree) leaves it to the sweep instead of firing again and again.
/// </summary>
internal sealed class ResyncWakeups(ISchedulerFactory schedulers, TimeProvider time)
{
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<string, DateTimeOffset> _scheduled = new(StringComparer.Ordinal);

    public async Task WakeAtAsync(string tenantId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var key = new TriggerKey($"{tenantId}@{at.UtcTicks}", WakeTenantResyncsJob.Group);
        if (!_scheduled.TryAdd(key.Name, at))
        {
            return;
        }

        Prune(now);
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key)
            .ForJob(WakeTenantResyncsJob.Key)
            .UsingJobData(WakeTenantResyncsJob.TenantIdKey, tenantId)
            .StartAt(at > now ? at : now)
            .Build();
        try
        {
            await scheduler.ScheduleJob(trigger, default, cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Scheduled meanwhile by another consumer of this instance.
        }
    }

    // Instants long past are forgotten, so the set stays small.
    private void Prune(DateTimeOffset now)
    {
        if (_scheduled.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (name, at) in _scheduled)
        {
            if (at < now.AddHours(-1))
            {
                _scheduled.TryRemove(name, out _);
            }
        }
    }
}

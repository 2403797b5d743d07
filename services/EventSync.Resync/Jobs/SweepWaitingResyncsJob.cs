using EventSync.Core.Resync;
using EventSync.Resync.Dispatching;
using Quartz;

namespace EventSync.Resync.Jobs;

/// <summary>
/// At start-up and then every <see cref="ResyncOptions.SweepInterval"/>: every tenant with waiting resyncs (an indexed
/// query) is dispatched, so a wake-up lost to a restart or a missed usage report never leaves work waiting for good.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class SweepWaitingResyncsJob(IResyncRequestStore requests, ResyncDispatcher dispatcher) : IJob
{
    public static readonly JobKey Key = new("sweep-waiting-resyncs", WakeTenantResyncsJob.Group);

    public static readonly TriggerKey TriggerKey = new("sweep-waiting-resyncs", WakeTenantResyncsJob.Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        foreach (var tenantId in await requests.ListTenantsWaitingAsync(cancellationToken))
        {
            await dispatcher.DispatchAsync(tenantId, cancellationToken);
        }
    }
}

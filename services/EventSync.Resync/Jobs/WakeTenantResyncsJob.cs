using EventSync.Resync.Dispatching;
using Quartz;

namespace EventSync.Resync.Jobs;

/// <summary>Fired by a one-shot trigger when room (or the end of a back-off) is expected: sends what fits of one tenant's waiting resyncs.</summary>
internal sealed class WakeTenantResyncsJob(ResyncDispatcher dispatcher) : IJob
{
    public const string Group = "resync";
    public const string TenantIdKey = "tenantId";

    public static readonly JobKey Key = new("wake-tenant-resyncs", Group);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var tenantId = context.MergedJobDataMap.GetString(TenantIdKey);
        if (!string.IsNullOrEmpty(tenantId))
        {
            await dispatcher.DispatchAsync(tenantId, cancellationToken);
        }
    }
}

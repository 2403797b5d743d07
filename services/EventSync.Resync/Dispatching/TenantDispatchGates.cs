using System.Collections.Concurrent;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// One dispatch per tenant at a time in this worker instance (a singleton), so that its consumers and jobs do not race
/// each other for the same budget; other instances are kept apart by the store alone.
/// </summary>
internal sealed class TenantDispatchGates
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);

    public SemaphoreSlim For(string tenantId) => _gates.GetOrAdd(tenantId, _ => new SemaphoreSlim(1, 1));
}

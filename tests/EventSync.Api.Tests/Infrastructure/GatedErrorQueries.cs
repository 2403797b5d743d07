using EventSync.Core.Errors;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// The real error queries, except that pages of one tenant wait at a gate until the test opens it: shows how many of that
/// tenant's reads run at once, and that other tenants' reads do not wait for them.
/// </summary>
public sealed class GatedErrorQueries(ISyncErrorQueries inner) : ISyncErrorQueries
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile string? _gatedTenant;
    private int _waiting;
    private int _mostWaiting;

    /// <summary>Page reads of the gated tenant now waiting at the gate.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>The most page reads of the gated tenant that were ever at the gate at once.</summary>
    public int MostWaiting => Volatile.Read(ref _mostWaiting);

    public void Close(string tenantId) => _gatedTenant = tenantId;

    public void Open() => _open.TrySetResult();

    public async Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.TenantId == _gatedTenant)
        {
            var waiting = Interlocked.Increment(ref _waiting);
            InterlockedMax(ref _mostWaiting, waiting);
            try
            {
                await _open.Task.WaitAsync(cancellationToken);
            }
            finally
            {
                Interlocked.Decrement(ref _waiting);
            }
        }

        return await inner.ListAsync(query, after, limit, cancellationToken);
    }

    public IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken) => inner.StreamAsync(query, cancellationToken);

    public Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        inner.GetManyAsync(tenantId, errorIds, cancellationToken);

    public Task<IReadOnlyDictionary<string, long>> CountAssignedAsync(string tenantId, CancellationToken cancellationToken) =>
        inner.CountAssignedAsync(tenantId, cancellationToken);

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}

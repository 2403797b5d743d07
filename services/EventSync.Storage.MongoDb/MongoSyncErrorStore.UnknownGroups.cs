using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

// IUnknownErrorGroupQueries: the server groups the current unknown errors (spilling to disk when it must).
public sealed partial class MongoSyncErrorStore
{
    public async Task<IReadOnlyList<UnknownErrorGroup>> GetUnknownGroupsAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, IUnknownErrorGroupQueries.MaxGroups);
        var groups = await _errors.Aggregate(UnknownErrorGroupPipeline.For(tenantId, limit), AffectedRecordPipeline.Options, cancellationToken)
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => g.ToGroup())];
    }
}

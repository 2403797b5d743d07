using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>The current unknown errors grouped by fingerprint: the server groups (spilling to disk when it must). Reads only.</summary>
public sealed class MongoUnknownErrorGroupQueries(MongoStoreContext context) : IUnknownErrorGroupQueries
{
    public async Task<IReadOnlyList<UnknownErrorGroup>> GetUnknownGroupsAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, IUnknownErrorGroupQueries.MaxGroups);
        var groups = await context.Errors.Aggregate(UnknownErrorGroupPipeline.For(tenantId, limit), AffectedRecordPipeline.Options, cancellationToken)
            .ToListAsync(cancellationToken);
        return [.. groups.Select(g => g.ToGroup())];
    }
}

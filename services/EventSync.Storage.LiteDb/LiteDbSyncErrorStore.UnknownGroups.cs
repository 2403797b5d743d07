using EventSync.Core.Catalog;
using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;

namespace EventSync.Storage.LiteDb;

// IUnknownErrorGroupQueries: the current unknown errors are read through the cardKey index and grouped in memory by
// fingerprint; memory grows with the number of distinct unknown problems, not with the errors.
public sealed partial class LiteDbSyncErrorStore
{
    public Task<IReadOnlyList<UnknownErrorGroup>> GetUnknownGroupsAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, IUnknownErrorGroupQueries.MaxGroups);
        cancellationToken.ThrowIfCancellationRequested();
        var groups = new Dictionary<string, UnknownErrorGroupCount>(StringComparer.Ordinal);
        foreach (var state in SyncErrorStates.Current)
        {
            foreach (var document in _errors.Find(Filters.Equal("cardKey", SyncErrorDocumentMapping.CardKey(tenantId, state, ErrorCatalog.UnknownType))))
            {
                if (!groups.TryGetValue(document.Fingerprint, out var group))
                {
                    groups[document.Fingerprint] = group = new UnknownErrorGroupCount(document.Fingerprint);
                }

                group.Add(document);
            }
        }

        return Task.FromResult<IReadOnlyList<UnknownErrorGroup>>(
            [.. UnknownErrorGroupOrder.ByImpact(groups.Values.Select(g => g.ToGroup())).Take(limit)]);
    }
}

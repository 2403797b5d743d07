using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;

namespace EventSync.Storage.LiteDb;

// IAffectedRecordQueries: the current errors are read through the cardKey index (tenant + state [+ error type]) and grouped
// by record in memory. Memory grows with the number of affected records (not errors): fine for the embedded store's
// single-process deployments, where a view lists what a person looks at; MongoDB groups on the server instead.
public sealed partial class LiteDbSyncErrorStore
{
    public IAsyncEnumerable<AffectedRecord> AffectedRecordsAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        cancellationToken.ThrowIfCancellationRequested();
        return GroupByRecord(query, cancellationToken).ToAsyncEnumerable();
    }

    // Deferred: the errors are read when the caller starts enumerating, in one go (LiteDB binds a read to its thread).
    private IEnumerable<AffectedRecord> GroupByRecord(ErrorQuery query, CancellationToken cancellationToken)
    {
        var records = new SortedDictionary<string, AffectedRecordGroup>(StringComparer.Ordinal);
        foreach (var document in CurrentErrorsMatching(query))
        {
            if (!records.TryGetValue(document.RecordKey, out var group))
            {
                records[document.RecordKey] = group = new AffectedRecordGroup(document.ObjectType);
            }

            group.Add(document);
        }

        foreach (var group in records.Values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return group.ToRecord();
        }
    }

    private IEnumerable<SyncErrorDocument> CurrentErrorsMatching(ErrorQuery query)
    {
        var states = query.State is { } state ? SyncErrorStates.Current.Where(s => s == state) : SyncErrorStates.Current;
        foreach (var current in states)
        {
            var range = query.ErrorType is { } errorType
                ? Filters.Equal("cardKey", SyncErrorDocumentMapping.CardKey(query.TenantId, current, errorType))
                : Filters.Between("cardKey", SyncErrorDocumentMapping.CardKeyPrefix(query.TenantId, current), SyncErrorDocumentMapping.CardKeyPrefix(query.TenantId, current) + SyncErrorDocumentMapping.KeyRangeEnd);
            foreach (var document in _errors.Find(range).Where(d => ErrorQueryFilter.Matches(d, query, after: null)))
            {
                yield return document;
            }
        }
    }
}

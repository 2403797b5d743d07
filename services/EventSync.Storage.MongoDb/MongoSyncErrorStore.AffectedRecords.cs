using System.Runtime.CompilerServices;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

// IAffectedRecordQueries: the server groups (spilling to disk when it must); the client reads the cursor batch by batch.
public sealed partial class MongoSyncErrorStore
{
    public IAsyncEnumerable<AffectedRecord> AffectedRecordsAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        ValidateQuery(query);
        var currentErrors = AffectedRecordPipeline.CurrentErrors(query);
        return currentErrors is null ? AsyncEnumerable.Empty<AffectedRecord>() : ReadAffectedRecordsAsync(currentErrors, cancellationToken);
    }

    private async IAsyncEnumerable<AffectedRecord> ReadAffectedRecordsAsync(
        FilterDefinition<SyncErrorDocument> currentErrors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await _errors.AggregateAsync(AffectedRecordPipeline.For(currentErrors), AffectedRecordPipeline.Options, cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return document.ToAffectedRecord();
            }
        }
    }
}

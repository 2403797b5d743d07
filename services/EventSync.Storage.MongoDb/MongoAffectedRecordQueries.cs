using System.Runtime.CompilerServices;
using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>Affected records: the server groups (spilling to disk when it must); the client reads the cursor batch by batch.</summary>
public sealed class MongoAffectedRecordQueries(MongoStoreContext context) : IAffectedRecordQueries
{
    public IAsyncEnumerable<AffectedRecord> AffectedRecordsAsync(ErrorQuery query, CancellationToken cancellationToken)
    {
        MongoSyncErrorQueries.ValidateQuery(query);
        var currentErrors = AffectedRecordPipeline.CurrentErrors(query);
        return currentErrors is null ? AsyncEnumerable.Empty<AffectedRecord>() : ReadAsync(currentErrors, cancellationToken);
    }

    private async IAsyncEnumerable<AffectedRecord> ReadAsync(FilterDefinition<SyncErrorDocument> currentErrors, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var cursor = await context.Errors.AggregateAsync(AffectedRecordPipeline.For(currentErrors), AffectedRecordPipeline.Options, cancellationToken);
        while (await cursor.MoveNextAsync(cancellationToken))
        {
            foreach (var document in cursor.Current)
            {
                yield return document.ToAffectedRecord();
            }
        }
    }
}

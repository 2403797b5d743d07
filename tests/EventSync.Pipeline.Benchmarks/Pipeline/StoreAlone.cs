using System.Diagnostics;
using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Storage;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// The embedded store alone, with the worker's writes and nothing else: the same events classified and written into a
/// fresh SQLite store in this process, a batch (the worker's batch size) per bulk write, the RecordSynced events that
/// arrived meanwhile resolved after it in one write, as the worker's two batch consumers do. No broker, no messages: what the store
/// allows the worker at most.
/// </summary>
internal static class StoreAlone
{
    public static async Task<StoreAloneResult> RunAsync(Workload warmup, Workload measured, int batchSize, CancellationToken cancellationToken)
    {
        using var dataDir = new TemporaryFolder("bench-store-alone");
        using var context = new SqliteStoreContext(Options.Create(new SqliteStoreOptions { DataDir = dataDir.Path }));
        await new SqliteStoreLifecycle(context).InitializeAsync(cancellationToken);
        var store = new SqliteSyncErrorStore(context);

        await WriteAsync(store, warmup, batchSize, cancellationToken);
        var clock = Stopwatch.StartNew();
        await WriteAsync(store, measured, batchSize, cancellationToken);
        return new StoreAloneResult(measured.FailureCount, batchSize, clock.Elapsed.TotalSeconds, LoadAverage.Read());
    }

    private static async Task WriteAsync(SqliteSyncErrorStore store, Workload workload, int batchSize, CancellationToken cancellationToken)
    {
        var classifier = SyncFailureClassifier.Default;
        var batch = new List<SyncFailureReported>(batchSize);
        var resolutions = new List<RecordSynced>();
        foreach (var message in workload.Messages)
        {
            switch (message.Message)
            {
                case SyncFailureReported failure:
                    batch.Add(failure);
                    break;
                case RecordSynced synced:
                    resolutions.Add(synced);
                    break;
            }

            if (batch.Count == batchSize)
            {
                await FlushAsync();
            }
        }

        await FlushAsync();

        async Task FlushAsync()
        {
            var receivedAt = DateTimeOffset.UtcNow;
            await store.RecordAsync([.. batch.SelectMany(f => FailureOccurrence.Of(f, classifier.Classify(f), receivedAt))], cancellationToken);
            await store.ResolveRecordsAsync(
                [.. resolutions.Select(synced => new RecordResolution(synced.TenantId, SyncErrorKeys.ObjectType(synced.ObjectType), synced.HubSpotId, synced.SalesforceId, synced.SyncedAt ?? receivedAt))],
                cancellationToken);

            batch.Clear();
            resolutions.Clear();
        }
    }
}

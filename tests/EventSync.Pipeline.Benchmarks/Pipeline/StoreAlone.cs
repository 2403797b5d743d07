using System.Diagnostics;
using EventSync.Classifier.Recording;
using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// The embedded store alone, with the worker's writes and nothing else: the same events classified and written into a
/// fresh SQLite store in this process, a batch (the worker's batch size) per bulk write, the RecordSynced events that
/// arrived meanwhile resolved after it in one write, as the worker's two batch consumers do. No broker, no messages: what the store
/// allows the worker at most. With <c>outbox</c>, each write also queues the announcements of its changes (as the worker
/// does) and a drain beside it claims and removes them as the dispatcher would, without a bus: the outbox's cost to the store.
/// </summary>
internal static class StoreAlone
{
    public static async Task<StoreAloneResult> RunAsync(Workload warmup, Workload measured, int batchSize, bool outbox, CancellationToken cancellationToken)
    {
        using var dataDir = new TemporaryFolder("bench-store-alone");
        using var context = new SqliteStoreContext(Options.Create(new SqliteStoreOptions { DataDir = dataDir.Path }));
        await new SqliteStoreLifecycle(context).InitializeAsync(cancellationToken);
        var store = new SqliteSyncErrorStore(context);
        using var signal = new OutboxSignal();
        using var written = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var drain = outbox ? DrainAsync(new SqliteOutboxStore(context), signal, written.Token) : Task.CompletedTask;

        await WriteAsync(store, warmup, batchSize, outbox ? signal : null, cancellationToken);
        var clock = Stopwatch.StartNew();
        await WriteAsync(store, measured, batchSize, outbox ? signal : null, cancellationToken);
        var seconds = clock.Elapsed.TotalSeconds;
        await written.CancelAsync();
        await drain;
        return new StoreAloneResult(measured.FailureCount, batchSize, seconds, LoadAverage.Read());
    }

    private static async Task DrainAsync(SqliteOutboxStore outbox, OutboxSignal signal, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var claimed = await outbox.ClaimAsync(DateTimeOffset.UtcNow, TimeSpan.FromSeconds(30), 200, cancellationToken);
                if (claimed.Count == 0)
                {
                    await signal.WaitAsync(TimeSpan.FromSeconds(2), cancellationToken);
                    continue;
                }

                await outbox.RemoveAsync([.. claimed.Select(m => m.MessageId)], cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The writes are done.
        }
    }

    private static async Task WriteAsync(SqliteSyncErrorStore store, Workload workload, int batchSize, OutboxSignal? outbox, CancellationToken cancellationToken)
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
            IReadOnlyList<FailureOccurrence> occurrences = [.. batch.SelectMany(f => FailureOccurrence.Of(f, classifier.Classify(f), receivedAt))];
            if (outbox is null)
            {
                await store.RecordAsync(occurrences, cancellationToken);
            }
            else
            {
                await store.RecordAnnouncedAsync(occurrences, change => OutboxMessage.Of(FailureRecorder.Announcement(change)), cancellationToken);
                outbox.Notify();
            }

            await store.ResolveRecordsAsync(
                [.. resolutions.Select(synced => new RecordResolution(synced.TenantId, SyncErrorKeys.ObjectType(synced.ObjectType), synced.HubSpotId, synced.SalesforceId, synced.SyncedAt ?? receivedAt))],
                cancellationToken);

            batch.Clear();
            resolutions.Clear();
        }
    }
}

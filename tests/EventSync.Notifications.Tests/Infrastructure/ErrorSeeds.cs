using EventSync.Contracts;
using EventSync.Core.Classification;
using EventSync.Core.Errors;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>Records failures as the classifier would, straight into a store.</summary>
public static class ErrorSeeds
{
    public static async Task<IReadOnlyList<SyncError>> SeedAsync(ISyncErrorStore store, IEnumerable<SyncFailureReported> failures, DateTimeOffset receivedAt)
    {
        var occurrences = failures.SelectMany(f => FailureOccurrence.Of(f, SyncFailureClassifier.Default.Classify(f), receivedAt)).ToList();
        var changes = await store.RecordAsync(occurrences, TestContext.Current.CancellationToken);
        return [.. changes.Select(c => c.Error).DistinctBy(e => e.Id)];
    }
}

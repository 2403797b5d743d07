using EventSync.Core.Classification;
using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Storage.Sqlite.Extensions;
using EventSync.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>The test's own view of the SQLite file the worker processes use: one more writer beside them.</summary>
public static class StoreFile
{
    public static async Task<ServiceProvider> OpenAsync(string dataDir)
    {
        var stores = new ServiceCollection()
            .AddSqliteStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["EventSync:DataDir"] = dataDir }).Build())
            .BuildServiceProvider();
        await stores.GetRequiredService<IStoreLifecycle>().InitializeAsync(TestContext.Current.CancellationToken);
        return stores;
    }

    /// <summary>One open validation-rule error on each of <paramref name="records"/> HubSpot contacts, numbered from <paramref name="firstId"/>.</summary>
    public static async Task<IReadOnlyList<SyncError>> SeedAsync(ISyncErrorStore store, string tenant, int records, DateTimeOffset at, int firstId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        var failures = Enumerable.Range(firstId, records)
            .Select(i => SyncFailures.ToSalesforce(tenant, $"{i}", SyncFailures.ValidationRule, occurredAt: at))
            .ToList();
        var occurrences = failures.SelectMany(f => FailureOccurrence.Of(f, SyncFailureClassifier.Default.Classify(f), at)).ToList();
        return [.. (await store.RecordAsync(occurrences, cancellationToken)).Select(c => c.Error)];
    }
}

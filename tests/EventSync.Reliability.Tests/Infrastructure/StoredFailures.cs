using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Storage.Sqlite;
using Microsoft.Extensions.Options;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// "Every acknowledged event is stored exactly once": for each record, its error exists with the published tenant, record
/// and error type, counts each of the record's event ids once (occurrences and recent event ids), and the tenant has no
/// other current error.
/// </summary>
public static class StoredFailures
{
    /// <summary>What differs between the store and the confirmed events; empty when every event is stored exactly once.</summary>
    public static async Task<IReadOnlyList<string>> DifferencesAsync(
        ISyncErrorStore store, PublishedFailures published, IEnumerable<SyncFailureReported> confirmed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(published);
        var differences = new List<string>();
        var byRecord = confirmed.GroupBy(e => e.HubSpotId!, StringComparer.Ordinal).ToList();
        foreach (var record in byRecord)
        {
            var errorType = published.ErrorTypeByRecord[record.Key];
            var eventIds = record.Select(e => e.EventId).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var errorId = SyncErrorKeys.ErrorId(published.Tenant, "contact", $"hs:{record.Key}", errorType);
            var error = await store.GetAsync(published.Tenant, errorId, cancellationToken);
            if (error is null)
            {
                differences.Add($"record {record.Key}: no {errorType} error stored");
                continue;
            }

            if (error.TenantId != published.Tenant || error.HubSpotId != record.Key || error.ErrorType != errorType)
            {
                differences.Add($"record {record.Key}: stored as {error.TenantId}/{error.HubSpotId}/{error.ErrorType}");
            }

            var storedIds = error.RecentEventIds.Order(StringComparer.Ordinal).ToList();
            if (error.Occurrences != eventIds.Count || !storedIds.SequenceEqual(eventIds, StringComparer.Ordinal))
            {
                differences.Add($"record {record.Key}: {error.Occurrences} occurrences of [{string.Join(", ", storedIds)}], published {eventIds.Count} [{string.Join(", ", eventIds)}]");
            }
        }

        var current = (await store.GetErrorCardsAsync(published.Tenant, cancellationToken)).Sum(c => c.CurrentErrors);
        if (current != byRecord.Count)
        {
            differences.Add($"{current} current errors stored for {byRecord.Count} records");
        }

        return differences;
    }

    /// <summary>The same check on a store file no process holds any more (after its service stopped or was killed).</summary>
    public static async Task<IReadOnlyList<string>> DifferencesInFileAsync(
        string dataDir, PublishedFailures published, IEnumerable<SyncFailureReported> confirmed, CancellationToken cancellationToken)
    {
        using var context = new SqliteStoreContext(Options.Create(new SqliteStoreOptions { DataDir = dataDir }));
        return await DifferencesAsync(new SqliteSyncErrorStore(context), published, confirmed, cancellationToken);
    }
}

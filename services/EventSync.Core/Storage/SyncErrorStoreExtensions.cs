namespace EventSync.Core.Storage;

/// <summary>Conveniences over <see cref="ISyncErrorStore"/>.</summary>
public static class SyncErrorStoreExtensions
{
    /// <summary>Resolves one record's current errors last seen before it synced; returns how many were resolved.</summary>
    public static Task<int> ResolveRecordAsync(this ISyncErrorStore store, RecordResolution resolution, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(resolution);
        return store.ResolveRecordsAsync([resolution], cancellationToken);
    }
}

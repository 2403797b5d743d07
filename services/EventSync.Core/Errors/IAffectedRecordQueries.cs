namespace EventSync.Core.Errors;

/// <summary>Errors seen per record, for views of affected records. Implementations pass the shared store contract tests.</summary>
public interface IAffectedRecordQueries
{
    /// <summary>
    /// The records with current (open or resync-pending) errors matching <paramref name="query"/>, one per
    /// <see cref="SyncError.RecordKey"/> (so the count agrees with a card's affected records), ordered by record key, each
    /// with the distinct error types of those errors in ordinal order. A record named by several errors takes the first
    /// object type in ordinal order and any HubSpot and Salesforce id its errors name.
    /// </summary>
    IAsyncEnumerable<AffectedRecord> AffectedRecordsAsync(ErrorQuery query, CancellationToken cancellationToken);
}

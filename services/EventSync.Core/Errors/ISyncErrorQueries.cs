namespace EventSync.Core.Errors;

/// <summary>Reading errors for people: pages, details, export. Implementations pass the shared store contract tests.</summary>
public interface ISyncErrorQueries
{
    /// <summary>
    /// At most <paramref name="limit"/> errors matching <paramref name="query"/>, newest last-seen first (ties by id),
    /// starting after <paramref name="after"/>. Stable under concurrent writes: an error is never listed twice on
    /// consecutive pages unless it was seen again in between.
    /// </summary>
    Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>Every error matching <paramref name="query"/>, in list order, read in chunks: constant memory at any size.</summary>
    IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken);

    /// <summary>How many current errors of the tenant are assigned to someone, per error type (types with none left out).</summary>
    Task<IReadOnlyDictionary<string, long>> CountAssignedAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>The errors of the tenant with these ids; ids of other tenants or unknown ids are left out.</summary>
    Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken);
}

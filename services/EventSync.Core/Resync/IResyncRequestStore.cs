namespace EventSync.Core.Resync;

/// <summary>Resync requests and their parts. Implementations pass the shared store contract tests.</summary>
public interface IResyncRequestStore
{
    /// <summary>Stores a new request; false (and nothing changed) when one with its id exists: a redelivered command is harmless.</summary>
    Task<bool> AddRequestAsync(ResyncRequestRecord request, CancellationToken cancellationToken);

    /// <summary>The tenant's request; null when it is unknown or another tenant's.</summary>
    Task<ResyncRequestRecord?> GetRequestAsync(string tenantId, string requestId, CancellationToken cancellationToken);

    /// <summary>The tenant's requests among these ids, in one read (unknown ids and other tenants' requests left out; any order).</summary>
    Task<IReadOnlyList<ResyncRequestRecord>> GetRequestsAsync(string tenantId, IReadOnlyCollection<string> requestIds, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="change"/> to the stored request atomically (the store re-reads and re-applies it when another
    /// writer got there first, so it must be a pure function). A null result leaves the request as it is. Returns the
    /// stored request after the change, or null when the request does not exist or the change returned null.
    /// </summary>
    Task<ResyncRequestRecord?> UpdateRequestAsync(
        string tenantId, string requestId, Func<ResyncRequestRecord, ResyncRequestRecord?> change, CancellationToken cancellationToken);

    /// <summary>
    /// The tenant's requests newest first (by <see cref="ResyncRequestRecord.RequestedAt"/>, then request id, both
    /// descending), at most <paramref name="limit"/>, after <paramref name="after"/> when given.
    /// </summary>
    Task<ResyncRequestPage> ListRecentAsync(string tenantId, ResyncRequestPageCursor? after, int limit, CancellationToken cancellationToken);

    /// <summary>The tenant's requests with parts still waiting to go out, in (NotBefore, RequestId) order.</summary>
    Task<IReadOnlyList<ResyncRequestRecord>> ListWaitingAsync(string tenantId, CancellationToken cancellationToken);

    /// <summary>Every tenant with parts waiting to go out (ordinal order): what the safety sweep wakes.</summary>
    Task<IReadOnlyList<string>> ListTenantsWaitingAsync(CancellationToken cancellationToken);

    /// <summary>The tenant's requests with a sent part for this record (matched by object type and either record id).</summary>
    Task<IReadOnlyList<ResyncRequestRecord>> ListSentForRecordAsync(
        string tenantId, string objectType, string? hubSpotId, string? salesforceId, CancellationToken cancellationToken);

    /// <summary>The tenant's requests with a sent part that lists this error.</summary>
    Task<IReadOnlyList<ResyncRequestRecord>> ListSentForErrorAsync(string tenantId, string errorId, CancellationToken cancellationToken);
}

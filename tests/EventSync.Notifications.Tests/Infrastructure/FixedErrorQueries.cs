using EventSync.Core.Errors;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// The store's reading interface over errors a test built (<see cref="AssignedErrors"/>), for the consumer's cases that
/// need errors in states a test sets directly (the real store's path: <c>AssignmentEmailTests</c>). Only
/// <see cref="GetManyAsync"/> is served.
/// </summary>
public sealed class FixedErrorQueries(IEnumerable<SyncError> errors) : ISyncErrorQueries
{
    private readonly List<SyncError> _errors = [.. errors];

    public Task<IReadOnlyList<SyncError>> GetManyAsync(string tenantId, IReadOnlyCollection<string> errorIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<SyncError>>([.. _errors.Where(e => e.TenantId == tenantId && errorIds.Contains(e.Id))]);

    public Task<ErrorPage> ListAsync(ErrorQuery query, ErrorPageCursor? after, int limit, CancellationToken cancellationToken) => throw new NotSupportedException();

    public IAsyncEnumerable<SyncError> StreamAsync(ErrorQuery query, CancellationToken cancellationToken) => throw new NotSupportedException();

    public Task<IReadOnlyDictionary<string, long>> CountAssignedAsync(string tenantId, CancellationToken cancellationToken) => throw new NotSupportedException();
}

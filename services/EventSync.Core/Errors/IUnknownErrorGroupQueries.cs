namespace EventSync.Core.Errors;

/// <summary>
/// The distinct problems behind the <c>other/unknown</c> card: its current errors grouped by fingerprint. Implementations
/// pass the shared store contract tests.
/// </summary>
public interface IUnknownErrorGroupQueries
{
    public const int MaxGroups = 100;

    /// <summary>
    /// At most <paramref name="limit"/> (1 to <see cref="MaxGroups"/>) groups of the tenant's current (open or
    /// resync-pending) unknown errors, the most errors first, then the latest last seen, then by fingerprint.
    /// </summary>
    Task<IReadOnlyList<UnknownErrorGroup>> GetUnknownGroupsAsync(string tenantId, int limit, CancellationToken cancellationToken);
}

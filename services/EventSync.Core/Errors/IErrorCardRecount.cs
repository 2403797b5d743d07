namespace EventSync.Core.Errors;

/// <summary>
/// Counts a tenant's sync-health cards again from its errors, while the services run: how counters that drifted (written
/// by an older version, or by hand) are repaired without stopping anything.
/// </summary>
public interface IErrorCardRecount
{
    /// <summary>Replaces the tenant's card counters with a count of its errors; returns the cards as counted, largest impact first.</summary>
    Task<IReadOnlyList<ErrorCard>> RecountAsync(string tenantId, CancellationToken cancellationToken);
}

namespace EventSync.Core.Errors;

public static class UnknownErrorGroupOrder
{
    /// <summary>The most errors first, then the latest last seen, then the fingerprint for a stable order.</summary>
    public static IEnumerable<UnknownErrorGroup> ByImpact(IEnumerable<UnknownErrorGroup> groups) =>
        groups.OrderByDescending(g => g.CurrentErrors)
            .ThenByDescending(g => g.LastSeen)
            .ThenBy(g => g.Fingerprint, StringComparer.Ordinal);
}

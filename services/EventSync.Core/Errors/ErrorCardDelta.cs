using EventSync.Core.Catalog;

namespace EventSync.Core.Errors;

/// <summary>
/// What one write of an error changes on the sync-health cards: the error leaves (<see cref="Change"/> -1) or joins (+1)
/// the count of its (tenant, category, error type), and of its record there. Stores keep counters from these deltas in the
/// same write as the error, so that the cards are read without reading the errors.
/// </summary>
public readonly record struct ErrorCardDelta(string TenantId, string Category, string ErrorType, string RecordKey, long Change)
{
    /// <summary>
    /// Whether the error counts on its card: current (open or resync-pending) and, for a transient error, only once it
    /// surfaced (it kept failing through its automatic resyncs).
    /// </summary>
    public static bool IsCounted(SyncError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return IsCounted(error.State, error.Category, error.SurfacedAt is not null);
    }

    /// <summary>The same rule from the stored fields alone, for a store that rebuilds its counters from a projection.</summary>
    public static bool IsCounted(SyncErrorState state, string category, bool surfaced) =>
        state is SyncErrorState.Open or SyncErrorState.ResyncPending && (!string.Equals(category, ErrorCatalog.TransientCategory, StringComparison.Ordinal) || surfaced);

    /// <summary>The deltas of one write: <paramref name="before"/> is null for a new error, <paramref name="after"/> for a deleted one.</summary>
    public static IEnumerable<ErrorCardDelta> Between(SyncError? before, SyncError? after)
    {
        var left = before is not null && IsCounted(before) ? Of(before, -1) : (ErrorCardDelta?)null;
        var joined = after is not null && IsCounted(after) ? Of(after, +1) : (ErrorCardDelta?)null;
        if (left is { } l && joined is { } j && l.SameCounter(j))
        {
            return [];
        }

        return new[] { left, joined }.OfType<ErrorCardDelta>();
    }

    /// <summary>The deltas of many writes summed per (tenant, category, error type, record); those summing to zero are left out.</summary>
    public static IReadOnlyList<ErrorCardDelta> Sum(IEnumerable<ErrorCardDelta> deltas) =>
        [.. deltas
            .GroupBy(d => (d.TenantId, d.Category, d.ErrorType, d.RecordKey))
            .Select(g => new ErrorCardDelta(g.Key.TenantId, g.Key.Category, g.Key.ErrorType, g.Key.RecordKey, g.Sum(d => d.Change)))
            .Where(d => d.Change != 0)];

    /// <summary>How a record's count of one card moving from <paramref name="before"/> to <paramref name="after"/> moves the card's records: +1 when it joins (0 -> more), -1 when it leaves (more -> 0).</summary>
    public static int RecordChange(long before, long after) => (before, after) switch
    {
        (<= 0, > 0) => 1,
        (> 0, <= 0) => -1,
        _ => 0,
    };

    private static ErrorCardDelta Of(SyncError error, long change) =>
        new(error.TenantId, error.Category, error.ErrorType, error.RecordKey, change);

    private bool SameCounter(ErrorCardDelta other) =>
        string.Equals(TenantId, other.TenantId, StringComparison.Ordinal)
        && string.Equals(Category, other.Category, StringComparison.Ordinal)
        && string.Equals(ErrorType, other.ErrorType, StringComparison.Ordinal)
        && string.Equals(RecordKey, other.RecordKey, StringComparison.Ordinal);
}

namespace EventSync.Core.Errors;

public static class ErrorCardOrder
{
    /// <summary>Largest impact first: affected records, then current errors, then the type id for a stable order.</summary>
    public static IReadOnlyList<ErrorCard> ByImpact(IEnumerable<ErrorCard> cards) =>
        cards.OrderByDescending(c => c.AffectedRecords)
            .ThenByDescending(c => c.CurrentErrors)
            .ThenBy(c => c.ErrorType, StringComparer.Ordinal)
            .ToList();
}

namespace EventSync.Core.Storage;

/// <summary>Keyset pages of a store that reads up to <c>limit</c> + 1 items: one more than the page means a next page.</summary>
public static class KeysetPage
{
    /// <summary>The page's items and, when there is a next page, the page's last item, after which the next one starts.</summary>
    public static (IReadOnlyList<T> Items, T? Last) Split<T>(IReadOnlyList<T> read, int limit)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(read);
        return read.Count <= limit ? (read, null) : ([.. read.Take(limit)], read[limit - 1]);
    }
}

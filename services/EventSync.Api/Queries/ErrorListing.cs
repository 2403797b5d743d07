using EventSync.Core.Errors;

namespace EventSync.Api.Queries;

/// <summary>Reads every error a query selects, page by page, up to a bound.</summary>
internal static class ErrorListing
{
    private const int Chunk = 500;

    /// <summary>At most <paramref name="atMost"/> of the errors <paramref name="query"/> selects, newest first.</summary>
    public static async Task<List<SyncError>> ListUpToAsync(this ISyncErrorQueries queries, ErrorQuery query, int atMost, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        var errors = new List<SyncError>();
        ErrorPageCursor? after = null;
        do
        {
            var page = await queries.ListAsync(query, after, Math.Min(Chunk, atMost - errors.Count), cancellationToken);
            errors.AddRange(page.Errors);
            after = page.Next;
        }
        while (after is not null && errors.Count < atMost);

        return errors;
    }
}

namespace EventSync.Core.Resync;

/// <summary>One page of a tenant's resync requests, newest first, and the cursor of the next page (null on the last one).</summary>
public sealed record ResyncRequestPage(IReadOnlyList<ResyncRequestRecord> Requests, ResyncRequestPageCursor? Next)
{
    /// <summary>The page of a store that read up to <paramref name="limit"/> + 1 requests: one more means a next page.</summary>
    public static ResyncRequestPage Of(IReadOnlyList<ResyncRequestRecord> read, int limit)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Count <= limit)
        {
            return new ResyncRequestPage(read, null);
        }

        var last = read[limit - 1];
        return new ResyncRequestPage([.. read.Take(limit)], new ResyncRequestPageCursor(last.RequestedAt, last.RequestId));
    }
}

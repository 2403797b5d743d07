using EventSync.Core.Storage;

namespace EventSync.Core.Resync;

/// <summary>One page of a tenant's resync requests, newest first, and the cursor of the next page (null on the last one).</summary>
public sealed record ResyncRequestPage(IReadOnlyList<ResyncRequestRecord> Requests, ResyncRequestPageCursor? Next)
{
    /// <summary>The page of a store that read up to <paramref name="limit"/> + 1 requests (see <see cref="KeysetPage"/>).</summary>
    public static ResyncRequestPage Of(IReadOnlyList<ResyncRequestRecord> read, int limit)
    {
        var (requests, last) = KeysetPage.Split(read, limit);
        return new ResyncRequestPage(requests, last is null ? null : new ResyncRequestPageCursor(last.RequestedAt, last.RequestId));
    }
}

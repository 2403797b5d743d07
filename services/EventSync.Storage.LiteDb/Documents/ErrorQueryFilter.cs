using EventSync.Core.Storage;

namespace EventSync.Storage.LiteDb.Documents;

// Which stored errors an ErrorQuery lists after a cursor: the paging-key range for the index, the rest per document.
internal static class ErrorQueryFilter
{
    // The inclusive paging-key range that holds every match; null when nothing can match.
    public static (string Lower, string Upper)? PagingRange(ErrorQuery query, ErrorPageCursor? after)
    {
        var prefix = SyncErrorDocumentMapping.PagingKeyPrefix(query.TenantId);
        var lower = query.SeenFrom is { } from ? SyncErrorDocumentMapping.PagingKey(query.TenantId, from.UtcTicks) : prefix;
        var upper = prefix + SyncErrorDocumentMapping.KeyRangeEnd;
        if (after is not null)
        {
            upper = Min(upper, SyncErrorDocumentMapping.PagingKey(query.TenantId, after.LastSeen.UtcTicks));
        }

        if (query.SeenTo is { } to)
        {
            if (to.UtcTicks == 0)
            {
                return null;
            }

            upper = Min(upper, SyncErrorDocumentMapping.PagingKey(query.TenantId, to.UtcTicks - 1));
        }

        return string.CompareOrdinal(lower, upper) <= 0 ? (lower, upper) : null;
    }

    public static bool Matches(SyncErrorDocument document, ErrorQuery query, ErrorPageCursor? after) =>
        string.Equals(document.TenantId, query.TenantId, StringComparison.Ordinal)
        && IsAfter(document, after)
        && Equal(document.ErrorType, query.ErrorType)
        && Equal(document.Category, query.Category)
        && Equal(document.State, query.State?.ToWire())
        && Equal(document.ObjectType, query.ObjectType is null ? null : SyncErrorKeys.ObjectType(query.ObjectType))
        && (query.SeenFrom is not { } from || document.LastSeenUtcTicks >= from.UtcTicks)
        && (query.SeenTo is not { } to || document.LastSeenUtcTicks < to.UtcTicks)
        && Equal(document.Fingerprint, query.Fingerprint)
        && ContainsText(document, query.Text);

    // Newest last seen first, then by id: the list order.
    public static int Compare(SyncError x, SyncError y)
    {
        var byLastSeen = y.LastSeen.UtcTicks.CompareTo(x.LastSeen.UtcTicks);
        return byLastSeen != 0 ? byLastSeen : string.CompareOrdinal(x.Id, y.Id);
    }

    private static bool IsAfter(SyncErrorDocument document, ErrorPageCursor? after) =>
        after is null
        || document.LastSeenUtcTicks < after.LastSeen.UtcTicks
        || (document.LastSeenUtcTicks == after.LastSeen.UtcTicks && string.CompareOrdinal(document.Id, after.Id) > 0);

    private static bool Equal(string stored, string? wanted) =>
        wanted is null || string.Equals(stored, wanted, StringComparison.Ordinal);

    private static bool ContainsText(SyncErrorDocument document, string? text) =>
        string.IsNullOrEmpty(text)
        || new[] { document.Message, document.StatusCode, document.HubSpotId, document.SalesforceId }
            .Any(field => field is not null && field.Contains(text, StringComparison.OrdinalIgnoreCase));

    private static string Min(string x, string y) => string.CompareOrdinal(x, y) <= 0 ? x : y;
}

namespace EventSync.Core.Audit;

/// <summary>One page of a tenant's audit trail, newest first, and the cursor of the next page (null on the last one).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, AuditPageCursor? Next)
{
    /// <summary>The page of a store that read up to <paramref name="limit"/> + 1 entries: one more means a next page.</summary>
    public static AuditPage Of(IReadOnlyList<AuditEntry> read, int limit)
    {
        ArgumentNullException.ThrowIfNull(read);
        if (read.Count <= limit)
        {
            return new AuditPage(read, null);
        }

        var last = read[limit - 1];
        return new AuditPage([.. read.Take(limit)], new AuditPageCursor(last.At, last.Id));
    }
}

using EventSync.Core.Storage;

namespace EventSync.Core.Audit;

/// <summary>One page of a tenant's audit trail, newest first, and the cursor of the next page (null on the last one).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, AuditPageCursor? Next)
{
    /// <summary>The page of a store that read up to <paramref name="limit"/> + 1 entries (see <see cref="KeysetPage"/>).</summary>
    public static AuditPage Of(IReadOnlyList<AuditEntry> read, int limit)
    {
        var (entries, last) = KeysetPage.Split(read, limit);
        return new AuditPage(entries, last is null ? null : new AuditPageCursor(last.At, last.Id));
    }
}

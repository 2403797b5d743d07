namespace EventSync.Core.Audit;

/// <summary>
/// The tenants' audit trails: entries are only appended, listed newest first, and removed once older than
/// <see cref="AuditTrailOptions.Retention"/>. Implementations pass the shared store contract tests.
/// </summary>
public interface IAuditTrailStore
{
    /// <summary>Adds the entry; an entry whose id is already stored is not added again.</summary>
    Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Up to <paramref name="limit"/> entries the query selects, newest first (time, then id), after the cursor when one is given.</summary>
    Task<AuditPage> ListAsync(AuditQuery query, AuditPageCursor? after, int limit, CancellationToken cancellationToken);
}

using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// The current unknown errors grouped by fingerprint, from the index of current errors by (tenant, error type,
/// fingerprint, last seen): one grouping read, then the sample of each group returned. Reads only.
/// </summary>
public sealed class SqliteUnknownErrorGroupQueries(SqliteStoreContext context) : IUnknownErrorGroupQueries
{
    private const string Groups = """
        SELECT fingerprint, count(*), count(DISTINCT record_key), max(last_seen) FROM sync_errors
        WHERE tenant_id = @tenant AND error_type = @errorType AND state < 2
        GROUP BY fingerprint
        """;

    // The one seen last is the sample; of those seen at the same instant, the smallest id.
    private const string Sample = """
        SELECT status_code, message FROM sync_errors
        WHERE tenant_id = @tenant AND error_type = @errorType AND fingerprint = @fingerprint AND state < 2
        ORDER BY last_seen DESC, id LIMIT 1
        """;

    public Task<IReadOnlyList<UnknownErrorGroup>> GetUnknownGroupsAsync(string tenantId, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, IUnknownErrorGroupQueries.MaxGroups);
        return context.ReadAsync<IReadOnlyList<UnknownErrorGroup>>(
            session =>
            {
                var counted = session.Command(Groups)
                    .With("@tenant", tenantId)
                    .With("@errorType", ErrorCatalog.UnknownType)
                    .ReadAll(r => new UnknownErrorGroup(r.GetString(0), r.GetInt64(1), r.GetInt64(2), null, null, SqliteInstants.FromTicks(r.GetInt64(3))));
                return [.. UnknownErrorGroupOrder.ByImpact(counted).Take(limit).Select(group =>
                {
                    var (statusCode, message) = session.Command(Sample)
                        .With("@tenant", tenantId)
                        .With("@errorType", ErrorCatalog.UnknownType)
                        .With("@fingerprint", group.Fingerprint)
                        .ReadFirst(r => (r.NullableString(0), r.NullableString(1)));
                    return group with { SampleStatusCode = statusCode, SampleMessage = message };
                })];
            },
            cancellationToken);
    }
}

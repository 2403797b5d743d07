using EventSync.Core.Errors;
using EventSync.Storage.Sqlite.Rows;

namespace EventSync.Storage.Sqlite;

/// <summary>Recounts a tenant's cards from its errors in one write transaction: writers wait for it, none is lost.</summary>
public sealed class SqliteErrorCardRecount(SqliteStoreContext context) : IErrorCardRecount
{
    public Task<IReadOnlyList<ErrorCard>> RecountAsync(string tenantId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        return context.WriteAsync(session => ErrorCardCounters.Recount(session, tenantId), cancellationToken);
    }
}

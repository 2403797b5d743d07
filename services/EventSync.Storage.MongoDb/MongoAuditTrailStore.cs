using EventSync.Core.Audit;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>The audit trail, one document per entry in <c>audit_entries</c>; the TTL index on <c>at</c> keeps it within its retention.</summary>
public sealed class MongoAuditTrailStore(MongoStoreContext context) : IAuditTrailStore
{
    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        try
        {
            await context.Audit.InsertOneAsync(AuditEntryDocument.From(entry), cancellationToken: cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Already appended (a retried write that had reached the server): appending is idempotent by id.
        }
    }

    public async Task<AuditPage> ListAsync(AuditQuery query, AuditPageCursor? after, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var documents = await context.Audit.Find(AuditQueries.Selecting(query, after))
            .Sort(AuditQueries.NewestFirst)
            .Limit(limit + 1)
            .ToListAsync(cancellationToken);
        return AuditPage.Of([.. documents.Select(d => d.ToEntry())], limit);
    }
}

using EventSync.Core.Views;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>One document per temporary view, replaced whole by its id; a TTL index forgets expired ones.</summary>
public sealed class MongoViewStore(MongoStoreContext context) : IViewStore
{
    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public Task SaveAsync(AffectedRecordsView view, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(view);
        return context.Views.ReplaceOneAsync(ViewQueries.ById(view.Id), ViewDocument.From(view), Upsert, cancellationToken);
    }

    public async Task<AffectedRecordsView?> GetAsync(string tenantId, string viewId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var document = await context.Views.Find(ViewQueries.Live(tenantId, viewId, now)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToView();
    }
}

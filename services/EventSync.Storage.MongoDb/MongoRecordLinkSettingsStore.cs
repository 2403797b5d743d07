using EventSync.Core.Links;
using EventSync.Storage.MongoDb.Documents;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>One record link settings document per tenant (its id), replaced whole.</summary>
public sealed class MongoRecordLinkSettingsStore(MongoStoreContext context) : IRecordLinkSettingsStore
{
    private static readonly ReplaceOptions Upsert = new() { IsUpsert = true };

    public async Task<RecordLinkSettings> GetAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await context.RecordLinks.Find(d => d.TenantId == tenantId).FirstOrDefaultAsync(cancellationToken);
        return document?.ToSettings() ?? RecordLinkSettings.None(tenantId);
    }

    public Task SaveAsync(RecordLinkSettings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return context.RecordLinks.ReplaceOneAsync(d => d.TenantId == settings.TenantId, RecordLinkSettingsDocument.From(settings), Upsert, cancellationToken);
    }
}

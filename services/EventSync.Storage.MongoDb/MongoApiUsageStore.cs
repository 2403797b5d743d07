using EventSync.Core.Usage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>The reported API figures and the operator's allocation, one document per tenant in <c>api_usage</c>.</summary>
public sealed class MongoApiUsageStore(MongoStoreContext context) : IApiUsageStore
{
    public async Task SaveUsageAsync(string tenantId, long usedLast24h, long salesforceLimit, DateTimeOffset reportedAt, CancellationToken cancellationToken)
    {
        var olderFigures = ApiUsageQueries.HoldingOlderThan(tenantId, reportedAt);
        var report = ApiUsageQueries.Report(usedLast24h, salesforceLimit, reportedAt);
        try
        {
            await context.Usage.UpdateOneAsync(olderFigures, report, new UpdateOptions { IsUpsert = true }, cancellationToken);
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // The tenant's document exists: either its figures are as new or newer (this report is out of date and the
            // update below changes nothing), or another first report inserted it meanwhile and this one may be newer.
            await context.Usage.UpdateOneAsync(olderFigures, report, cancellationToken: cancellationToken);
        }
    }

    public async Task<ApiUsage?> GetUsageAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await context.Usage.Find(ApiUsageQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToApiUsage();
    }

    public async Task<ApiAllocation?> GetAllocationAsync(string tenantId, CancellationToken cancellationToken)
    {
        var document = await context.Usage.Find(ApiUsageQueries.ByTenant(tenantId)).FirstOrDefaultAsync(cancellationToken);
        return document?.ToApiAllocation();
    }

    public async Task<ApiAllocation> SetAllocationAsync(string tenantId, long? allocatedToHubSpot, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<ApiUsageDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        var document = await context.Usage.FindOneAndUpdateAsync(ApiUsageQueries.ByTenant(tenantId), ApiUsageQueries.Allocate(allocatedToHubSpot), options, cancellationToken);
        return document.ToApiAllocation();
    }
}

using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// A database without the current card counters (written before they existed, or by a version that counted otherwise)
/// gets them from two aggregations at start-up. One instance rebuilds, under a lease in <c>store_meta</c> renewed while it
/// works; every other instance of every service waits for the marker before its start-up completes, so none counts on
/// counters that a rebuild is about to replace. An instance that dies mid-rebuild lets its lease run out; a waiting
/// instance then takes it over and rebuilds from the start.
/// </summary>
internal static class MongoErrorCardRebuild
{
    /// <summary>How long a lease holds without renewal (renewed every third of it), by the server's clock.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);

    // $group spills to disk rather than failing past 100 MB (servers before 6.0 do not by default).
    private static readonly AggregateOptions SpillToDisk = new() { AllowDiskUse = true };

    public static async Task InitializeAsync(MongoStoreContext context, CancellationToken cancellationToken)
    {
        await context.CardCounts.Indexes.CreateOneAsync(ErrorCardQueries.CountsIndex(), cancellationToken: cancellationToken);
        await context.CardRecords.Indexes.CreateOneAsync(ErrorCardQueries.RecordsIndex(), cancellationToken: cancellationToken);
        var owner = Guid.NewGuid().ToString("N");
        while (!await HasCurrentCountersAsync(context, cancellationToken))
        {
            if (await TryTakeLeaseAsync(context, owner, cancellationToken))
            {
                try
                {
                    // Another instance may have finished between the check and the lease: its counters are live already.
                    if (!await HasCurrentCountersAsync(context, cancellationToken))
                    {
                        await RebuildHoldingLeaseAsync(context, owner, cancellationToken);
                    }
                }
                finally
                {
                    await context.Leases.DeleteOneAsync(ErrorCardQueries.LeaseHeldBy(owner), CancellationToken.None);
                }

                return;
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static Task<bool> HasCurrentCountersAsync(MongoStoreContext context, CancellationToken cancellationToken) =>
        context.Meta.Find(ErrorCardQueries.CurrentMarker()).AnyAsync(cancellationToken);

    private static async Task<bool> TryTakeLeaseAsync(MongoStoreContext context, string owner, CancellationToken cancellationToken)
    {
        try
        {
            await context.Leases.UpdateOneAsync(
                ErrorCardQueries.LeaseFreeFor(owner), ErrorCardQueries.TakeLease(owner, Lease), new UpdateOptions { IsUpsert = true }, cancellationToken);
            return true;
        }
        catch (MongoWriteException e) when (e.WriteError?.Category == ServerErrorCategory.DuplicateKey)
        {
            // Held by a live owner: the filter missed and the upsert collided with its lease.
            return false;
        }
    }

    // The marker is written last, so an interrupted rebuild runs again.
    private static async Task RebuildHoldingLeaseAsync(MongoStoreContext context, string owner, CancellationToken cancellationToken)
    {
        using var held = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var done = new CancellationTokenSource();
        var renewing = RenewAsync(context, owner, held, done.Token);
        try
        {
            await context.Errors.AggregateToCollectionAsync(ErrorCardQueries.RebuildRecords(), SpillToDisk, held.Token);
            await context.CardRecords.AggregateToCollectionAsync(ErrorCardQueries.RebuildCounts(), SpillToDisk, held.Token);
            await context.Meta.ReplaceOneAsync(ErrorCardQueries.Marker(), ErrorCardQueries.MarkerDocument(), new ReplaceOptions { IsUpsert = true }, held.Token);
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
        }
    }

    // Renews until the rebuild is done; a lease found taken over (this process paused longer than the lease) stops the rebuild.
    private static async Task RenewAsync(MongoStoreContext context, string owner, CancellationTokenSource held, CancellationToken done)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, done);
                var renewed = await context.Leases.UpdateOneAsync(ErrorCardQueries.LeaseHeldBy(owner), ErrorCardQueries.TakeLease(owner, Lease), cancellationToken: done);
                if (renewed.MatchedCount == 0)
                {
                    await held.CancelAsync();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (done.IsCancellationRequested)
        {
        }
    }
}

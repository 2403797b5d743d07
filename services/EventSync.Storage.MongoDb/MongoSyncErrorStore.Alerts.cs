using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

// IAlertWindowStore: an alert is one upsert into the tenant's open window (a unique partial index keeps it one), a claim is
// one FindOneAndUpdate that moves a due window to "sending": an alert lands either before the claim, in the email, or after
// it, in a new window.
public sealed partial class MongoSyncErrorStore : IAlertWindowStore
{
    private IMongoCollection<AlertWindowDocument> AlertWindows => _database.GetCollection<AlertWindowDocument>(MongoCollectionNames.AlertWindows);

    public async Task<AlertAppended> AppendAlertAsync(string tenantId, AlertEntry entry, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var options = new FindOneAndUpdateOptions<AlertWindowDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var document = await AlertWindows.FindOneAndUpdateAsync(
                    AlertWindowQueries.OpenOf(tenantId), AlertWindowQueries.Append(entry, Guid.NewGuid().ToString("N"), now, window), options, cancellationToken);
                return new AlertAppended(document.Id, document.ClosesAt, document.Total == 1);
            }
            catch (MongoCommandException e) when (e.Code == DuplicateKeyCode && attempt < 3)
            {
                // Another instance opened the tenant's window at the same moment: the next try joins it.
            }
        }
    }

    public async Task<AlertWindow?> ClaimDueAlertWindowAsync(DateTimeOffset now, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<AlertWindowDocument> { Sort = AlertWindowQueries.EarliestFirst, ReturnDocument = ReturnDocument.After };
        var document = await AlertWindows.FindOneAndUpdateAsync(AlertWindowQueries.Due(now), AlertWindowQueries.Claim(token, now + lease), options, cancellationToken);
        return document?.ToWindow();
    }

    public async Task<bool> CompleteAlertWindowAsync(string windowId, string token, CancellationToken cancellationToken)
    {
        var result = await AlertWindows.DeleteOneAsync(AlertWindowQueries.HeldBy(windowId, token), cancellationToken);
        return result.DeletedCount == 1;
    }

    private async Task InitializeNotificationCollectionsAsync(CancellationToken cancellationToken)
    {
        await DigestClaims.Indexes.CreateOneAsync(DigestClaimQueries.Index(), cancellationToken: cancellationToken);
        await AlertWindows.Indexes.CreateManyAsync(AlertWindowQueries.Indexes(), cancellationToken);
    }
}

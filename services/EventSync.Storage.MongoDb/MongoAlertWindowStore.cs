using EventSync.Core.Notifications;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// Alert windows: an alert is one upsert into the tenant's open window (a unique partial index keeps it one), a claim is
/// one FindOneAndUpdate that moves a due window to "sending": an alert lands either before the claim, in the email, or
/// after it, in a new window.
/// </summary>
public sealed class MongoAlertWindowStore(MongoStoreContext context) : IAlertWindowStore
{
    private const int MaxAppendAttempts = 3;

    private static readonly FindOneAndUpdateOptions<AlertWindowDocument> UpsertReturningWindow = new() { IsUpsert = true, ReturnDocument = ReturnDocument.After };

    public async Task<AlertAppended> AppendAlertAsync(string tenantId, AlertEntry entry, DateTimeOffset now, TimeSpan window, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var appended = await MongoStoreContext.RetryAsync(
            $"An alert of {tenantId} could not be added",
            MaxAppendAttempts,
            async () =>
            {
                try
                {
                    var document = await context.AlertWindows.FindOneAndUpdateAsync(
                        AlertWindowQueries.OpenOf(tenantId), AlertWindowQueries.Append(entry, Guid.NewGuid().ToString("N"), now, window), UpsertReturningWindow, cancellationToken);
                    return (true, (AlertAppended?)new AlertAppended(document.Id, document.ClosesAt, document.Total == 1));
                }
                catch (MongoCommandException e) when (e.Code == MongoStoreContext.DuplicateKeyCode)
                {
                    // Another instance opened the tenant's window at the same moment: the next try joins it.
                    return (false, (AlertAppended?)null);
                }
            },
            cancellationToken);
        return appended!;
    }

    public async Task<AlertWindow?> ClaimDueAlertWindowAsync(DateTimeOffset now, string token, TimeSpan lease, CancellationToken cancellationToken)
    {
        var options = new FindOneAndUpdateOptions<AlertWindowDocument> { Sort = AlertWindowQueries.EarliestFirst, ReturnDocument = ReturnDocument.After };
        var document = await context.AlertWindows.FindOneAndUpdateAsync(AlertWindowQueries.Due(now), AlertWindowQueries.Claim(token, now + lease), options, cancellationToken);
        return document?.ToWindow();
    }

    public async Task<bool> CompleteAlertWindowAsync(string windowId, string token, CancellationToken cancellationToken)
    {
        var result = await context.AlertWindows.DeleteOneAsync(AlertWindowQueries.HeldBy(windowId, token), cancellationToken);
        return result.DeletedCount == 1;
    }
}

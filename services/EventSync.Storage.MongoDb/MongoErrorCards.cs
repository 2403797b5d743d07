using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The sync-health cards: counters in <c>error_card_counts</c> and <c>error_card_records</c>, moved by
/// <see cref="ErrorCardDelta"/> after every successful write of <c>sync_errors</c> (whose before-state is exact: writes are
/// conditional on the version or the state read). No multi-document transaction (a standalone server has none): a crash
/// between an error write and its counter update leaves the counters off until they are rebuilt (see the README).
/// </summary>
internal static class MongoErrorCards
{
    private static readonly FindOneAndUpdateOptions<ErrorCardRecordDocument> UpsertReturningCount =
        new() { IsUpsert = true, ReturnDocument = ReturnDocument.After };

    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };

    public static async Task<IReadOnlyList<ErrorCard>> ReadAsync(MongoStoreContext context, string tenantId, CancellationToken cancellationToken)
    {
        var cards = await context.CardCounts.Find(ErrorCardQueries.CardsOf(tenantId)).ToListAsync(cancellationToken);
        return ErrorCardOrder.ByImpact(cards.Select(c => c.ToErrorCard()));
    }

    /// <summary>
    /// Applies the card deltas of writes that succeeded: per record an atomic <c>$inc</c> whose result tells whether the
    /// record joined (0 -> 1) or left (1 -> 0) the card, then one bulk <c>$inc</c> of the cards.
    /// </summary>
    public static async Task CountAsync(MongoStoreContext context, IEnumerable<ErrorCardDelta> deltas, CancellationToken cancellationToken)
    {
        var summed = ErrorCardDelta.Sum(deltas);
        if (summed.Count == 0)
        {
            return;
        }

        var cards = new Dictionary<string, (ErrorCardDelta Card, long Errors, long Records)>(StringComparer.Ordinal);
        foreach (var delta in summed)
        {
            var recordId = ErrorCardQueries.RecordId(delta);
            var row = await context.CardRecords.FindOneAndUpdateAsync(
                ErrorCardQueries.RecordById(recordId), ErrorCardQueries.CountRecord(delta), UpsertReturningCount, cancellationToken);
            var after = row.Count;
            var before = after - delta.Change;
            var recordChange = before <= 0 && after > 0 ? 1 : before > 0 && after <= 0 ? -1 : 0;
            if (after <= 0)
            {
                await context.CardRecords.DeleteOneAsync(ErrorCardQueries.EmptiedRecord(recordId), cancellationToken);
            }

            var cardId = ErrorCardQueries.CountId(delta);
            var card = cards.GetValueOrDefault(cardId, (delta, 0, 0));
            cards[cardId] = (delta, card.Errors + delta.Change, card.Records + recordChange);
        }

        await context.CardCounts.BulkWriteAsync(
            cards.Values.Select(c => ErrorCardQueries.CountCard(c.Card, c.Errors, c.Records)), Unordered, cancellationToken);
    }

    // A database written before the counters existed gets them from two aggregations; the marker is written last, so an
    // interrupted rebuild runs again at the next start.
    public static async Task InitializeAsync(MongoStoreContext context, CancellationToken cancellationToken)
    {
        await context.CardCounts.Indexes.CreateOneAsync(ErrorCardQueries.CountsIndex(), cancellationToken: cancellationToken);
        if (await context.Meta.Find(ErrorCardQueries.CurrentMarker()).AnyAsync(cancellationToken))
        {
            return;
        }

        await context.Errors.AggregateToCollectionAsync(ErrorCardQueries.RebuildRecords(), cancellationToken: cancellationToken);
        await context.CardRecords.AggregateToCollectionAsync(ErrorCardQueries.RebuildCounts(), cancellationToken: cancellationToken);
        await context.Meta.ReplaceOneAsync(ErrorCardQueries.Marker(), ErrorCardQueries.MarkerDocument(), new ReplaceOptions { IsUpsert = true }, cancellationToken);
    }
}

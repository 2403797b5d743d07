using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Driver;

namespace EventSync.Storage.MongoDb;

/// <summary>
/// The sync-health cards: counters in <c>error_card_counts</c> and <c>error_card_records</c>, moved by
/// <see cref="ErrorCardDelta"/> in the transaction of every write of <c>sync_errors</c>, so that an error and its counters
/// are committed together or not at all. Counters never go below zero.
/// </summary>
internal static class MongoErrorCards
{
    private static readonly BulkWriteOptions Unordered = new() { IsOrdered = false };

    public static async Task<IReadOnlyList<ErrorCard>> ReadAsync(MongoStoreContext context, string tenantId, CancellationToken cancellationToken)
    {
        var cards = await context.CardCounts.Find(ErrorCardQueries.CardsOf(tenantId)).ToListAsync(cancellationToken);
        return ErrorCardOrder.ByImpact(cards.Select(c => c.ToErrorCard()));
    }

    /// <summary>
    /// Applies the card deltas of the writes of <paramref name="session"/>'s transaction: the rows and cards touched are read
    /// in the transaction's snapshot, the new counts computed here (a record joins a card at 0 -> 1, leaves it at 1 -> 0)
    /// and set with one bulk write per collection. A concurrent transaction that changed one of them makes this one conflict
    /// and run again, so the values set are exact.
    /// </summary>
    public static async Task CountAsync(MongoStoreContext context, IClientSessionHandle session, IEnumerable<ErrorCardDelta> deltas, CancellationToken cancellationToken)
    {
        var summed = ErrorCardDelta.Sum(deltas);
        if (summed.Count == 0)
        {
            return;
        }

        var rows = (await context.CardRecords.Find(session, ErrorCardQueries.RecordsByIds(summed.Select(ErrorCardQueries.RecordId))).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.Count, StringComparer.Ordinal);
        var stored = (await context.CardCounts.Find(session, ErrorCardQueries.CountsByIds(summed.Select(ErrorCardQueries.CountId).Distinct(StringComparer.Ordinal))).ToListAsync(cancellationToken))
            .ToDictionary(c => c.Id, StringComparer.Ordinal);

        var rowWrites = new List<WriteModel<ErrorCardRecordDocument>>(summed.Count);
        var cards = new Dictionary<string, (ErrorCardDelta Card, long Errors, long Records)>(StringComparer.Ordinal);
        foreach (var delta in summed)
        {
            var before = Math.Max(0, rows.GetValueOrDefault(ErrorCardQueries.RecordId(delta)));
            var after = Math.Max(0, before + delta.Change);
            rowWrites.Add(ErrorCardQueries.SetRecord(delta, after));
            var cardId = ErrorCardQueries.CountId(delta);
            if (!cards.TryGetValue(cardId, out var card))
            {
                var counted = stored.GetValueOrDefault(cardId);
                card = (delta, Math.Max(0, counted?.Errors ?? 0), Math.Max(0, counted?.Records ?? 0));
            }

            cards[cardId] = (delta, card.Errors + after - before, card.Records + ErrorCardDelta.RecordChange(before, after));
        }

        await context.CardRecords.BulkWriteAsync(session, rowWrites, Unordered, cancellationToken);
        await context.CardCounts.BulkWriteAsync(session, cards.Values.Select(c => ErrorCardQueries.SetCard(c.Card, c.Errors, c.Records)), Unordered, cancellationToken);
    }

    /// <summary>The cards of a tenant that have counters or counted errors: what a recount goes through.</summary>
    public static async Task<IReadOnlyList<(string Category, string ErrorType)>> CardsToRecountAsync(MongoStoreContext context, string tenantId, CancellationToken cancellationToken)
    {
        var counted = await (await context.Errors.AggregateAsync(ErrorCardQueries.CountedCardsOf(tenantId), cancellationToken: cancellationToken)).ToListAsync(cancellationToken);
        var stored = await context.CardCounts.Find(ErrorCardQueries.AllCardsOf(tenantId)).ToListAsync(cancellationToken);
        return [.. counted.Select(d => (d["_id"]["category"].AsString, d["_id"]["errorType"].AsString))
            .Concat(stored.Select(c => (c.Category, c.ErrorType)))
            .Distinct()];
    }

    /// <summary>
    /// Sets one card's counters to a count of its errors, in <paramref name="session"/>'s transaction: the errors and rows
    /// are read in one snapshot, and a writer that changed the card meanwhile makes one of the two transactions run again.
    /// </summary>
    public static async Task RecountCardAsync(
        MongoStoreContext context, IClientSessionHandle session, string tenantId, string category, string errorType, CancellationToken cancellationToken)
    {
        var card = new ErrorCardDelta(tenantId, category, errorType, "", 0);
        var counted = (await (await context.Errors.AggregateAsync(session, ErrorCardQueries.CountedRecordsOf(tenantId, category, errorType), cancellationToken: cancellationToken)).ToListAsync(cancellationToken))
            .ToDictionary(d => d["_id"].AsString, d => d["count"].ToInt64(), StringComparer.Ordinal);
        var rows = (await context.CardRecords.Find(session, ErrorCardQueries.RecordsOfCard(tenantId, category, errorType)).ToListAsync(cancellationToken))
            .ToDictionary(r => r.Id, r => r.Count, StringComparer.Ordinal);

        var writes = counted
            .Select(c => (Record: card with { RecordKey = c.Key }, Count: c.Value))
            .Where(r => rows.GetValueOrDefault(ErrorCardQueries.RecordId(r.Record)) != r.Count)
            .Select(r => ErrorCardQueries.SetRecord(r.Record, r.Count))
            .ToList();
        var wanted = counted.Keys.Select(k => ErrorCardQueries.RecordId(card with { RecordKey = k })).ToHashSet(StringComparer.Ordinal);
        writes.AddRange(rows.Keys.Where(id => !wanted.Contains(id)).Select(id => (WriteModel<ErrorCardRecordDocument>)new DeleteOneModel<ErrorCardRecordDocument>(ErrorCardQueries.RecordsByIds([id]))));
        if (writes.Count > 0)
        {
            await context.CardRecords.BulkWriteAsync(session, writes, Unordered, cancellationToken);
        }

        await context.CardCounts.BulkWriteAsync(session, [ErrorCardQueries.SetCard(card, counted.Values.Sum(), counted.Count)], Unordered, cancellationToken);
    }
}

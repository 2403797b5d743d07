using EventSync.Core.Storage;
using EventSync.Storage.LiteDb.Documents;
using LiteDB;

namespace EventSync.Storage.LiteDb;

// The sync-health cards: counters per (tenant, category, error type) in error_card_counts and per record in
// error_card_records, changed by ErrorCardDelta inside the transaction of every write of sync_errors, so that the cards are
// read from a few rows whatever the number of errors.
public sealed partial class LiteDbSyncErrorStore
{
    private const string CardCountsCollection = "error_card_counts";
    private const string CardRecordsCollection = "error_card_records";
    private const string MetaCollection = "store_meta";

    // Raise when the meaning of the counters changes: files holding an older version rebuild them at start.
    private const string CardCountsMarker = "error-card-counts";
    private const int CardCountsVersion = 1;

    private ILiteCollection<ErrorCardCountDocument> CardCounts => _database.GetCollection<ErrorCardCountDocument>(CardCountsCollection);

    private ILiteCollection<ErrorCardRecordDocument> CardRecords => _database.GetCollection<ErrorCardRecordDocument>(CardRecordsCollection);

    private ILiteCollection<StoreMetaDocument> Meta => _database.GetCollection<StoreMetaDocument>(MetaCollection);

    public Task<IReadOnlyList<ErrorCard>> GetErrorCardsAsync(string tenantId, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var prefix = ErrorCardMapping.TenantPrefix(tenantId);
        var cards = CardCounts.Find(Filters.Between("_id", prefix, prefix + SyncErrorDocumentMapping.KeyRangeEnd))
            .Where(d => string.Equals(d.TenantId, tenantId, StringComparison.Ordinal) && d.Errors > 0)
            .Select(ErrorCardMapping.ToCard);
        return Task.FromResult(ErrorCardOrder.ByImpact(cards));
    }

    /// <summary>
    /// Applies the card deltas of one write; call it inside that write's transaction, under the write lock, with the exact
    /// states before and after. One read and one write per collection, whatever the number of deltas.
    /// </summary>
    private void CountOnCards(IEnumerable<ErrorCardDelta> deltas)
    {
        var summed = ErrorCardDelta.Sum(deltas);
        if (summed.Count == 0)
        {
            return;
        }

        var recordIds = summed.Select(ErrorCardMapping.RecordId).ToList();
        var records = CardRecords.Find(Filters.In("_id", recordIds.Distinct(StringComparer.Ordinal).Select(id => new BsonValue(id))))
            .ToDictionary(r => r.Id, StringComparer.Ordinal);
        var cards = new Dictionary<string, (ErrorCardDelta Delta, long Errors, long Records)>(StringComparer.Ordinal);
        var changedRecords = new List<ErrorCardRecordDocument>();
        var emptiedRecords = new List<BsonValue>();
        for (var i = 0; i < summed.Count; i++)
        {
            var delta = summed[i];
            var before = records.GetValueOrDefault(recordIds[i])?.Count ?? 0;
            // Never below zero: a count can only drift when an older version wrote the file after the rebuild.
            var after = Math.Max(0, before + delta.Change);
            var recordChange = (before, after) switch
            {
                (0, > 0) => 1,
                (> 0, 0) => -1,
                _ => 0,
            };
            if (after > 0)
            {
                changedRecords.Add(new ErrorCardRecordDocument { Id = recordIds[i], Count = after });
            }
            else if (before > 0)
            {
                emptiedRecords.Add(recordIds[i]);
            }

            var cardId = ErrorCardMapping.CountId(delta);
            var card = cards.GetValueOrDefault(cardId, (delta, 0, 0));
            cards[cardId] = (delta, card.Errors + after - before, card.Records + recordChange);
        }

        if (changedRecords.Count > 0)
        {
            CardRecords.Upsert(changedRecords);
        }

        if (emptiedRecords.Count > 0)
        {
            CardRecords.DeleteMany(Filters.In("_id", emptiedRecords));
        }

        ApplyToCounts(cards);
    }

    private void ApplyToCounts(Dictionary<string, (ErrorCardDelta Delta, long Errors, long Records)> cards)
    {
        var stored = CardCounts.Find(Filters.In("_id", cards.Keys.Select(id => new BsonValue(id)))).ToDictionary(c => c.Id, StringComparer.Ordinal);
        var changed = new List<ErrorCardCountDocument>(cards.Count);
        var emptied = new List<BsonValue>();
        foreach (var (id, (delta, errors, records)) in cards)
        {
            var document = stored.GetValueOrDefault(id)
                ?? new ErrorCardCountDocument { Id = id, TenantId = delta.TenantId, Category = delta.Category, ErrorType = delta.ErrorType };
            document.Errors = Math.Max(0, document.Errors + errors);
            document.Records = Math.Max(0, document.Records + records);
            if (document.Errors > 0 || document.Records > 0)
            {
                changed.Add(document);
            }
            else if (stored.ContainsKey(id))
            {
                emptied.Add(id);
            }
        }

        if (changed.Count > 0)
        {
            CardCounts.Upsert(changed);
        }

        if (emptied.Count > 0)
        {
            CardCounts.DeleteMany(Filters.In("_id", emptied));
        }
    }

    // Files written before the counters existed (or by an older version of them) get them from one full scan, in one
    // transaction with the marker: a crash in between leaves no marker, and the next start rebuilds again.
    private void InitializeCards()
    {
        lock (_writeLock)
        {
            if (Meta.FindById(CardCountsMarker)?.Version == CardCountsVersion)
            {
                return;
            }

            InTransaction(() =>
            {
                RebuildCards();
                return Meta.Upsert(new StoreMetaDocument { Id = CardCountsMarker, Version = CardCountsVersion });
            });
        }
    }

    private void RebuildCards()
    {
        CardCounts.DeleteAll();
        CardRecords.DeleteAll();
        var records = new Dictionary<string, (ErrorCardDelta Delta, long Count)>(StringComparer.Ordinal);
        var counted = _database.GetCollection(ErrorsCollection)
            .Query()
            .Select("{ tenantId: $.tenantId, state: $.state, category: $.category, errorType: $.errorType, recordKey: $.recordKey, surfaced: $.surfacedAtUtcTicks }")
            .ToDocuments()
            .Where(d => ErrorCardDelta.IsCounted(SyncErrorDocumentMapping.ParseState(d["state"].AsString), d["category"].AsString, !d["surfaced"].IsNull))
            .Select(d => new ErrorCardDelta(d["tenantId"].AsString, d["category"].AsString, d["errorType"].AsString, d["recordKey"].AsString, 1));
        foreach (var delta in counted)
        {
            var id = ErrorCardMapping.RecordId(delta);
            records[id] = (delta, records.GetValueOrDefault(id).Count + 1);
        }

        CardRecords.InsertBulk(records.Select(r => new ErrorCardRecordDocument { Id = r.Key, Count = r.Value.Count }));
        CardCounts.InsertBulk(records.Values
            .GroupBy(r => ErrorCardMapping.CountId(r.Delta), StringComparer.Ordinal)
            .Select(g => new ErrorCardCountDocument
            {
                Id = g.Key,
                TenantId = g.First().Delta.TenantId,
                Category = g.First().Delta.Category,
                ErrorType = g.First().Delta.ErrorType,
                Errors = g.Sum(r => r.Count),
                Records = g.LongCount(),
            }));
    }
}

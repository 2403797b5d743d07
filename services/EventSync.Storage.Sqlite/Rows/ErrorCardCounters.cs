using EventSync.Core.Errors;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>
/// The sync-health cards as counters: <c>error_card_records</c> counts a record's counted errors per card, and its 0 -> 1
/// and 1 -> 0 steps move the card's <c>records</c> in <c>error_card_counts</c>. Applied in the transaction of the write
/// of the errors, so they never drift from them.
/// </summary>
internal static class ErrorCardCounters
{
    private const string AddToRecord = """
        INSERT INTO error_card_records (tenant_id, category, error_type, record_key, errors) VALUES (@tenant, @category, @errorType, @recordKey, @change)
        ON CONFLICT DO UPDATE SET errors = errors + excluded.errors
        RETURNING errors
        """;

    private const string DeleteRecord = """
        DELETE FROM error_card_records WHERE tenant_id = @tenant AND category = @category AND error_type = @errorType AND record_key = @recordKey
        """;

    private const string AddToCard = """
        INSERT INTO error_card_counts (tenant_id, category, error_type, errors, records) VALUES (@tenant, @category, @errorType, @errors, @records)
        ON CONFLICT DO UPDATE SET errors = max(0, errors + excluded.errors), records = max(0, records + excluded.records)
        """;

    private const string DeleteEmptyCard = """
        DELETE FROM error_card_counts WHERE tenant_id = @tenant AND category = @category AND error_type = @errorType AND errors <= 0 AND records <= 0
        """;

    private const string SelectCurrentErrors = "SELECT body FROM sync_errors WHERE tenant_id = @tenant AND state < 2";

    private const string DeleteTenantRecords = "DELETE FROM error_card_records WHERE tenant_id = @tenant";

    private const string DeleteTenantCards = "DELETE FROM error_card_counts WHERE tenant_id = @tenant";

    private const string SelectCards = "SELECT category, error_type, errors, records FROM error_card_counts WHERE tenant_id = @tenant AND errors > 0";

    public static IReadOnlyList<ErrorCard> Read(SqliteSession session, string tenantId) =>
        ErrorCardOrder.ByImpact(session.Command(SelectCards)
            .With("@tenant", tenantId)
            .ReadAll(r => new ErrorCard(r.GetString(0), r.GetString(1), r.GetInt64(2), r.GetInt64(3))));

    /// <summary>Replaces the tenant's counters with a count of its errors: its rows are dropped and every counted error added again.</summary>
    public static IReadOnlyList<ErrorCard> Recount(SqliteSession session, string tenantId)
    {
        var current = session.Command(SelectCurrentErrors).With("@tenant", tenantId).ReadAll(r => SyncErrorRows.Read(r.GetString(0)));
        session.Command(DeleteTenantRecords).With("@tenant", tenantId).ExecuteNonQuery();
        session.Command(DeleteTenantCards).With("@tenant", tenantId).ExecuteNonQuery();
        Apply(session, current.SelectMany(e => ErrorCardDelta.Between(null, e)));
        return Read(session, tenantId);
    }

    public static void Apply(SqliteSession session, IEnumerable<ErrorCardDelta> deltas)
    {
        var cards = new Dictionary<(string Tenant, string Category, string ErrorType), (long Errors, long Records)>();
        foreach (var delta in ErrorCardDelta.Sum(deltas))
        {
            var after = session.Command(AddToRecord)
                .With("@tenant", delta.TenantId)
                .With("@category", delta.Category)
                .With("@errorType", delta.ErrorType)
                .With("@recordKey", delta.RecordKey)
                .With("@change", delta.Change)
                .ReadFirst(r => r.GetInt64(0));
            // Never below zero: a count could only drift if something outside the store wrote the file.
            var before = Math.Max(0, after - delta.Change);
            after = Math.Max(0, after);
            if (after == 0)
            {
                session.Command(DeleteRecord)
                    .With("@tenant", delta.TenantId)
                    .With("@category", delta.Category)
                    .With("@errorType", delta.ErrorType)
                    .With("@recordKey", delta.RecordKey)
                    .ExecuteNonQuery();
            }

            var recordChange = ErrorCardDelta.RecordChange(before, after);
            var key = (delta.TenantId, delta.Category, delta.ErrorType);
            var card = cards.GetValueOrDefault(key);
            cards[key] = (card.Errors + after - before, card.Records + recordChange);
        }

        foreach (var ((tenant, category, errorType), (errors, records)) in cards)
        {
            if (errors == 0 && records == 0)
            {
                continue;
            }

            session.Command(AddToCard)
                .With("@tenant", tenant)
                .With("@category", category)
                .With("@errorType", errorType)
                .With("@errors", errors)
                .With("@records", records)
                .ExecuteNonQuery();
            if (errors < 0 || records < 0)
            {
                session.Command(DeleteEmptyCard).With("@tenant", tenant).With("@category", category).With("@errorType", errorType).ExecuteNonQuery();
            }
        }
    }
}

using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace EventSync.Storage.Tests.MongoDb;

public sealed partial class MongoQueryRenderingTests
{
    private static readonly ErrorCardDelta Joined = new("portal-4711", "duplicates", "duplicate-rule", "hs:101", +1);

    [Fact]
    public void Should_read_only_the_tenants_cards_that_count_errors_when_the_cards_are_asked_for()
    {
        AssertBson("{ tenantId: 'portal-4711', errors: { $gt: NumberLong(0) } }", Render(ErrorCardQueries.CardsOf("portal-4711")));
        AssertBson("{ tenantId: 1 }", ErrorCardQueries.CountsIndex().Keys.Render(Args<ErrorCardCountDocument>()));
        Assert.Equal("tenant_cards", ErrorCardQueries.CountsIndex().Options.Name);
    }

    [Fact]
    public void Should_set_the_record_row_and_name_its_card_on_insert_when_a_record_still_counts_errors()
    {
        var recordId = ErrorCardQueries.RecordId(Joined);

        var model = Assert.IsType<UpdateOneModel<ErrorCardRecordDocument>>(ErrorCardQueries.SetRecord(Joined, 2));

        Assert.Equal("portal-4711\u001fduplicates\u001fduplicate-rule\u001fhs:101", recordId);
        Assert.True(model.IsUpsert);
        AssertBson($"{{ _id: '{recordId}' }}", Render(model.Filter));
        AssertBson(
            "{ $set: { count: NumberLong(2) }, $setOnInsert: { tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule' } }",
            Render(model.Update).AsBsonDocument);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-3L)]
    public void Should_delete_the_record_row_when_the_record_counts_no_error_any_more(long count)
    {
        var model = Assert.IsType<DeleteOneModel<ErrorCardRecordDocument>>(ErrorCardQueries.SetRecord(Joined, count));

        AssertBson($"{{ _id: '{ErrorCardQueries.RecordId(Joined)}' }}", Render(model.Filter));
    }

    [Fact]
    public void Should_upsert_the_card_with_the_counts_computed_in_the_transaction_never_below_zero()
    {
        var model = ErrorCardQueries.SetCard(Joined, errors: 3, records: -1);

        Assert.True(model.IsUpsert);
        AssertBson("{ _id: 'portal-4711\u001fduplicates\u001fduplicate-rule' }", Render(model.Filter));
        AssertBson(
            """
            { $set: { errors: NumberLong(3), records: NumberLong(0) },
              $setOnInsert: { tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule' } }
            """,
            Render(model.Update).AsBsonDocument);
    }

    [Fact]
    public void Should_read_the_rows_and_cards_of_a_batch_each_in_one_in_query_when_counters_move()
    {
        AssertBson("{ _id: { $in: ['a', 'b'] } }", Render(ErrorCardQueries.RecordsByIds(["a", "b"])));
        AssertBson("{ _id: { $in: ['c'] } }", Render(ErrorCardQueries.CountsByIds(["c"])));
    }

    [Fact]
    public void Should_read_one_cards_rows_by_the_card_records_index_when_a_card_is_recounted()
    {
        AssertBson(
            "{ tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule' }",
            Render(ErrorCardQueries.RecordsOfCard("portal-4711", "duplicates", "duplicate-rule")));
        AssertBson("{ tenantId: 1, category: 1, errorType: 1 }", ErrorCardQueries.RecordsIndex().Keys.Render(Args<ErrorCardRecordDocument>()));
        Assert.Equal("card_records", ErrorCardQueries.RecordsIndex().Options.Name);
        AssertBson("{ tenantId: 'portal-4711' }", Render(ErrorCardQueries.AllCardsOf("portal-4711")));
    }

    [Fact]
    public void Should_count_one_cards_errors_per_record_when_a_card_is_recounted()
    {
        var stages = ErrorCardQueries.CountedRecordsOf("portal-4711", "duplicates", "duplicate-rule").Render(Args<SyncErrorDocument>()).Documents;

        AssertBson(
            """
            { p: [
              { $match: { tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule', state: { $in: ['open', 'resync-pending'] },
                          $or: [{ category: { $ne: 'transient' } }, { surfacedAt: { $ne: null } }] } },
              { $group: { _id: '$recordKey', count: { $sum: NumberLong(1) } } }
            ] }
            """,
            new BsonDocument("p", new BsonArray(stages)));
    }

    [Fact]
    public void Should_list_the_cards_of_a_tenants_counted_errors_when_a_tenant_is_recounted()
    {
        var stages = ErrorCardQueries.CountedCardsOf("portal-4711").Render(Args<SyncErrorDocument>()).Documents;

        AssertBson(
            """
            { p: [
              { $match: { tenantId: 'portal-4711', state: { $in: ['open', 'resync-pending'] }, $or: [{ category: { $ne: 'transient' } }, { surfacedAt: { $ne: null } }] } },
              { $group: { _id: { category: '$category', errorType: '$errorType' } } }
            ] }
            """,
            new BsonDocument("p", new BsonArray(stages)));
    }

    [Fact]
    public void Should_take_the_rebuild_lease_only_when_free_by_the_servers_clock_or_already_held_by_the_same_owner()
    {
        AssertBson(
            """
            { _id: 'error-card-counts-rebuild', $or: [{ owner: 'me' }, { $expr: { $lte: ['$leaseUntil', '$$NOW'] } }] }
            """,
            Render(ErrorCardQueries.LeaseFreeFor("me")));
        AssertBson("{ _id: 'error-card-counts-rebuild', owner: 'me' }", Render(ErrorCardQueries.LeaseHeldBy("me")));
        AssertBson(
            "{ u: [{ $set: { owner: 'me', leaseUntil: { $add: ['$$NOW', NumberLong(60000)] } } }] }",
            new BsonDocument("u", Render(ErrorCardQueries.TakeLease("me", TimeSpan.FromMinutes(1)))));
    }

    [Fact]
    public void Should_group_counted_errors_per_record_into_the_record_rows_when_the_counters_are_rebuilt()
    {
        var stages = ErrorCardQueries.RebuildRecords().Render(Args<SyncErrorDocument>()).Documents;

        AssertBson(
            """
            { p: [
              { $match: { state: { $in: ['open', 'resync-pending'] }, $or: [{ category: { $ne: 'transient' } }, { surfacedAt: { $ne: null } }] } },
              { $group: { _id: { tenantId: '$tenantId', category: '$category', errorType: '$errorType', recordKey: '$recordKey' }, count: { $sum: NumberLong(1) } } },
              { $project: {
                  _id: { $concat: ['$_id.tenantId', '\u001f', '$_id.category', '\u001f', '$_id.errorType', '\u001f', '$_id.recordKey'] },
                  tenantId: '$_id.tenantId', category: '$_id.category', errorType: '$_id.errorType', count: 1 } },
              { $out: 'error_card_records' }
            ] }
            """,
            new BsonDocument("p", new BsonArray(stages)));
    }

    [Fact]
    public void Should_sum_the_record_rows_per_card_into_the_counts_when_the_counters_are_rebuilt()
    {
        var stages = ErrorCardQueries.RebuildCounts().Render(Args<ErrorCardRecordDocument>()).Documents;

        AssertBson(
            """
            { p: [
              { $group: { _id: { tenantId: '$tenantId', category: '$category', errorType: '$errorType' }, errors: { $sum: '$count' }, records: { $sum: NumberLong(1) } } },
              { $project: {
                  _id: { $concat: ['$_id.tenantId', '\u001f', '$_id.category', '\u001f', '$_id.errorType'] },
                  tenantId: '$_id.tenantId', category: '$_id.category', errorType: '$_id.errorType', errors: 1, records: 1 } },
              { $out: 'error_card_counts' }
            ] }
            """,
            new BsonDocument("p", new BsonArray(stages)));
    }

    [Fact]
    public void Should_read_a_card_from_the_shape_the_rebuild_writes()
    {
        var output = BsonDocument.Parse(
            "{ _id: 'x', tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule', errors: NumberLong(3), records: NumberLong(2) }");

        var card = BsonSerializer.Deserialize<ErrorCardCountDocument>(output).ToErrorCard();

        Assert.Equal(new ErrorCard("duplicates", "duplicate-rule", 3, 2), card);
    }

    [Fact]
    public void Should_find_the_marker_only_at_the_current_version_when_the_store_starts()
    {
        AssertBson("{ _id: 'error-card-counts', version: 1 }", Render(ErrorCardQueries.CurrentMarker()));
        AssertBson("{ _id: 'error-card-counts' }", Render(ErrorCardQueries.Marker()));
    }

    [Fact]
    public void Should_resolve_an_error_only_as_read_when_a_record_synced()
    {
        var resolution = new RecordResolution("portal-4711", "contact", "101", null, SyncedAt);

        var filter = Render(SyncErrorQueries.AsRead("e1", 4) & SyncErrorQueries.CurrentErrorsOfRecord(resolution)!);

        AssertBson(
            """
            { _id: 'e1', version: NumberLong(4), tenantId: 'portal-4711', objectType: 'contact',
              state: { $in: ['open', 'resync-pending', 'ignored'] }, lastSeen: { $lte: ISODate('2026-11-28T10:00:00Z') }, hubSpotId: '101' }
            """,
            filter);
    }
}

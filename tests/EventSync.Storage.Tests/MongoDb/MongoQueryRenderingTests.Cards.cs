using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

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
    public void Should_increment_the_record_row_and_name_its_card_on_insert_when_a_record_is_counted()
    {
        var recordId = ErrorCardQueries.RecordId(Joined);

        Assert.Equal("portal-4711\u001fduplicates\u001fduplicate-rule\u001fhs:101", recordId);
        AssertBson($"{{ _id: '{recordId}' }}", Render(ErrorCardQueries.RecordById(recordId)));
        AssertBson(
            "{ $inc: { count: NumberLong(-2) }, $setOnInsert: { tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule' } }",
            Render(ErrorCardQueries.CountRecord(Joined with { Change = -2 })).AsBsonDocument);
        AssertBson($"{{ _id: '{recordId}', count: {{ $lte: NumberLong(0) }} }}", Render(ErrorCardQueries.EmptiedRecord(recordId)));
    }

    [Fact]
    public void Should_upsert_the_card_with_increments_when_a_batch_changed_it()
    {
        var model = ErrorCardQueries.CountCard(Joined, errors: 3, records: -1);

        Assert.True(model.IsUpsert);
        AssertBson("{ _id: 'portal-4711\u001fduplicates\u001fduplicate-rule' }", Render(model.Filter));
        AssertBson(
            """
            { $inc: { errors: NumberLong(3), records: NumberLong(-1) },
              $setOnInsert: { tenantId: 'portal-4711', category: 'duplicates', errorType: 'duplicate-rule' } }
            """,
            Render(model.Update).AsBsonDocument);
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
              state: { $in: ['open', 'resync-pending'] }, lastSeen: { $lte: ISODate('2026-11-28T10:00:00Z') }, hubSpotId: '101' }
            """,
            filter);
    }
}

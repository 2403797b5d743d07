using EventSync.Core.Errors;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace EventSync.Storage.Tests.MongoDb;

// The unknown-error groups and the fingerprint filter, rendered without a server.
public sealed partial class MongoQueryRenderingTests
{
    [Fact]
    public void Should_group_current_unknown_errors_by_fingerprint_and_record_then_by_fingerprint_when_unknown_groups_are_read()
    {
        var stages = UnknownErrorGroupPipeline.For("portal-4711", 20).Render(Args<SyncErrorDocument>()).Documents;

        AssertBson(
            """
            { p: [
              { $match: { tenantId: 'portal-4711', state: { $in: ['open', 'resync-pending'] }, category: 'other', errorType: 'unknown' } },
              { $group: { _id: { fingerprint: '$fingerprint', record: '$recordKey' }, currentErrors: { $sum: 1 },
                          last: { $max: { lastSeen: '$lastSeen', statusCode: '$statusCode', message: '$message' } } } },
              { $group: { _id: '$_id.fingerprint', currentErrors: { $sum: '$currentErrors' }, affectedRecords: { $sum: 1 }, last: { $max: '$last' } } },
              { $sort: { currentErrors: -1, 'last.lastSeen': -1, _id: 1 } },
              { $limit: NumberLong(20) }
            ] }
            """,
            new BsonDocument("p", new BsonArray(stages)));
    }

    [Fact]
    public void Should_read_a_group_with_its_sample_from_the_shape_the_pipeline_outputs()
    {
        var output = BsonDocument.Parse(
            "{ _id: 'ab12', currentErrors: 3, affectedRecords: 2, last: { lastSeen: ISODate('2026-11-28T10:00:00Z'), statusCode: 'WEIRD', message: 'odd' } }");

        var group = BsonSerializer.Deserialize<UnknownErrorGroupDocument>(output).ToGroup();

        Assert.Equal(new UnknownErrorGroup("ab12", 3, 2, "WEIRD", "odd", Now), group);
    }

    [Fact]
    public void Should_match_the_fingerprint_when_a_query_names_one()
    {
        var filter = SyncErrorQueries.Matching(new ErrorQuery("portal-4711") { Fingerprint = "ab12" });

        AssertBson("{ tenantId: 'portal-4711', fingerprint: 'ab12' }", Render(filter));
    }
}

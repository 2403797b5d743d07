using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace EventSync.Storage.Tests.MongoDb;

// The outbox kept in the error documents, rendered without a server.
public sealed partial class MongoQueryRenderingTests
{
    private static readonly DateTimeOffset LeaseNow = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Should_write_the_waiting_messages_and_the_new_ones_in_the_error_document_when_an_error_is_recorded_with_announcements()
    {
        var waiting = new OutboxMessage(Guid.Parse("0193a0b0-0000-7000-8000-000000000001"), "EventSync.Contracts.SyncErrorClassified", "{}");
        var queued = new OutboxMessage(Guid.Parse("0193a0b0-0000-7000-8000-000000000002"), "EventSync.Contracts.SyncErrorClassified", "{\"a\":1}");
        var stored = new SyncErrorDocument { Outbox = [OutboxEntryDocument.From(waiting)], OutboxLeaseUntil = LeaseNow };

        var model = SyncErrorQueries.Write(Error(version: 2, state: SyncErrorState.Open), previousVersion: 1, stored, [queued]);

        var document = model.Replacement.ToBsonDocument();
        AssertBson(
            "{ outbox: [ { messageId: '0193a0b0-0000-7000-8000-000000000001', messageType: 'EventSync.Contracts.SyncErrorClassified', body: '{}' }, "
            + "{ messageId: '0193a0b0-0000-7000-8000-000000000002', messageType: 'EventSync.Contracts.SyncErrorClassified', body: '{\"a\":1}' } ], "
            + "outboxLeaseUntil: ISODate('2026-11-28T12:00:00Z') }",
            new BsonDocument { { "outbox", document["outbox"] }, { "outboxLeaseUntil", document["outboxLeaseUntil"] } });
        Assert.Equal([waiting, queued], BsonSerializer.Deserialize<SyncErrorDocument>(document).Outbox!.Select(e => e.ToMessage()));
    }

    [Fact]
    public void Should_leave_the_outbox_out_of_the_document_when_no_message_waits()
    {
        var document = SyncErrorQueries.Write(Error(version: 1, state: SyncErrorState.Open), previousVersion: 0, null, []).Replacement.ToBsonDocument();

        Assert.False(document.Contains("outbox"));
        Assert.False(document.Contains("outboxLeaseUntil"));
    }

    [Fact]
    public void Should_claim_documents_with_waiting_messages_and_no_live_lease_oldest_first_through_the_outbox_index()
    {
        AssertBson(
            "{ _id: 'e1', 'outbox.messageId': { $exists: true }, $or: [ { outboxLeaseUntil: null }, { outboxLeaseUntil: { $lte: ISODate('2026-11-28T12:00:00Z') } } ] }",
            Render(OutboxQueries.ClaimableById("e1", LeaseNow)));
        AssertBson("{ 'outbox.messageId': 1 }", OutboxQueries.OldestFirst.Render(Args<SyncErrorDocument>()));
        AssertBson("{ $set: { outboxLeaseUntil: ISODate('2026-11-28T12:01:00Z') } }", Render(OutboxQueries.Lease(LeaseNow.AddMinutes(1))).AsBsonDocument);
        var index = OutboxQueries.Index();
        Assert.Equal("outbox", index.Options.Name);
        AssertBson("{ 'outbox.messageId': 1 }", index.Keys.Render(Args<SyncErrorDocument>()));
    }

    [Fact]
    public void Should_pull_only_the_published_messages_by_id_and_end_the_lease_when_messages_are_removed()
    {
        AssertBson("{ 'outbox.messageId': { $in: ['m1', 'm2'] } }", Render(OutboxQueries.Holding(["m1", "m2"])));
        AssertBson(
            "{ $pull: { outbox: { messageId: { $in: ['m1', 'm2'] } } }, $unset: { outboxLeaseUntil: 1 } }",
            Render(OutboxQueries.Remove(["m1", "m2"])).AsBsonDocument);
    }
}

using EventSync.Core.Resync;
using EventSync.Core.Storage;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;

namespace EventSync.Storage.Tests.MongoDb;

// Resync requests, budgets and transient retry counts, rendered without a server.
public sealed partial class MongoQueryRenderingTests
{
    [Fact]
    public void Should_guard_a_request_change_by_the_version_read_when_a_request_is_written_back()
    {
        AssertBson("{ _id: 'request-1', version: NumberLong(3) }", Render(ResyncQueries.AsRead("request-1", 3)));
        AssertBson("{ _id: 'request-1', tenantId: 'portal-4711' }", Render(ResyncQueries.ByTenantAndId("portal-4711", "request-1")));
    }

    [Fact]
    public void Should_read_waiting_requests_through_their_index_when_a_tenant_is_dispatched()
    {
        AssertBson("{ tenantId: 'portal-4711', waiting: true }", Render(ResyncQueries.Waiting("portal-4711")));
        AssertBson("{ notBefore: 1, _id: 1 }", ResyncQueries.WaitingOrder.Render(Args<ResyncRequestDocument>()));
        var index = ResyncQueries.Indexes().First();
        Assert.Equal("waiting_by_tenant", index.Options.Name);
        AssertBson("{ tenantId: 1, waiting: 1, notBefore: 1, _id: 1 }", index.Keys.Render(Args<ResyncRequestDocument>()));
    }

    [Fact]
    public void Should_match_sent_parts_of_the_record_by_either_id_in_one_top_level_branch_per_index_when_a_record_synced()
    {
        AssertBson(
            """
            { $or: [
              { tenantId: 'portal-4711', parts: { $elemMatch: { state: 'sent', objectType: 'contact', hubSpotId: '101' } } },
              { tenantId: 'portal-4711', parts: { $elemMatch: { state: 'sent', objectType: 'contact', salesforceId: '0035g' } } }
            ] }
            """,
            Render(ResyncQueries.SentForRecord("portal-4711", "Contact", "101", "0035g")!));
        AssertBson(
            "{ tenantId: 'portal-4711', parts: { $elemMatch: { state: 'sent', objectType: 'contact', salesforceId: '0035g' } } }",
            Render(ResyncQueries.SentForRecord("portal-4711", "contact", " ", " 0035g ")!));
        Assert.Null(ResyncQueries.SentForRecord("portal-4711", "contact", null, ""));
        AssertBson(
            "{ tenantId: 'portal-4711', parts: { $elemMatch: { state: 'sent', errorIds: 'error-1' } } }",
            Render(ResyncQueries.SentForError("portal-4711", "error-1")));
    }

    [Fact]
    public void Should_expire_a_finished_request_after_the_retention_by_a_ttl_index_on_finished_at()
    {
        var index = ResyncQueries.FinishedExpiryIndex(TimeSpan.FromDays(30));

        AssertBson("{ finishedAt: 1 }", index.Keys.Render(Args<ResyncRequestDocument>()));
        Assert.Equal(("finished_requests_expiry", TimeSpan.FromDays(30)), (index.Options.Name, index.Options.ExpireAfter));
        AssertBson(
            "{ collMod: 'resync_requests', index: { name: 'finished_requests_expiry', expireAfterSeconds: NumberLong(604800) } }",
            ResyncQueries.ChangeRetention(TimeSpan.FromDays(7)));
    }

    [Fact]
    public void Should_mark_a_request_finished_at_its_last_completion_only_once_no_part_waits_or_is_out()
    {
        var requestedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
        ResyncPart Part(int index, ResyncPartState state, int minutes) => new()
        {
            Index = index, ObjectType = "contact", RecordKey = $"hs:{index}", ErrorIds = ["e"], State = state,
            CompletedAt = state is ResyncPartState.Completed or ResyncPartState.Failed ? requestedAt.AddMinutes(minutes) : null,
        };
        var request = new ResyncRequestRecord
        {
            RequestId = "r1", TenantId = "portal-4711", RequestedBy = "ops", RequestedAt = requestedAt, NotBefore = requestedAt,
            Parts = [Part(0, ResyncPartState.Completed, 5), Part(1, ResyncPartState.Sent, 0)],
        };

        Assert.Null(ResyncRequestDocument.From(request).FinishedAt);
        var finished = request with { Parts = [Part(0, ResyncPartState.Completed, 5), Part(1, ResyncPartState.Failed, 9)] };
        Assert.Equal(requestedAt.AddMinutes(9), ResyncRequestDocument.From(finished).FinishedAt);
        Assert.Equal(requestedAt, ResyncRequestDocument.From(request with { Parts = [] }).FinishedAt);
    }

    [Fact]
    public void Should_guard_the_budget_by_version_when_calls_are_reserved()
    {
        AssertBson("{ _id: 'portal-4711', version: NumberLong(0) }", Render(ResyncQueries.BudgetAsRead("portal-4711", 0)));
    }

    [Fact]
    public void Should_count_a_failure_only_for_an_event_not_counted_yet_when_a_transient_error_fails()
    {
        AssertBson(
            "{ _id: 'error-1', tenantId: 'portal-4711', recentEventIds: { $ne: 'event-1' } }",
            Render(ResyncQueries.RetryNotCounting("portal-4711", "error-1", "event-1")));
        AssertBson(
            "{ $inc: { failures: 1 }, $push: { recentEventIds: { $each: ['event-1'], $slice: -32 } } }",
            Render(ResyncQueries.CountFailure("event-1")).AsBsonDocument);
    }

    [Fact]
    public void Should_surface_only_an_error_not_surfaced_yet_and_queue_its_announcement_in_the_same_update_when_its_retries_are_used_up()
    {
        var announcement = new OutboxMessage(Guid.Parse("0193a5b2-7c00-7000-8000-000000000001"), "EventSync.Contracts.TransientErrorSurfaced", "{}");

        AssertBson(
            "{ _id: 'error-1', tenantId: 'portal-4711', surfacedAt: null }",
            Render(ResyncQueries.NotSurfaced("portal-4711", "error-1")));
        AssertBson(
            """
            { $set: { surfacedAt: ISODate('2026-11-28T10:00:00Z') }, $inc: { version: NumberLong(1) },
              $push: { outbox: { messageId: '0193a5b2-7c00-7000-8000-000000000001', messageType: 'EventSync.Contracts.TransientErrorSurfaced', body: '{}' } } }
            """,
            Render(ResyncQueries.Surface(Now, announcement)).AsBsonDocument);
    }

    [Fact]
    public void Should_store_a_request_with_wire_names_and_read_it_back_when_it_is_saved()
    {
        var request = new ResyncRequestRecord
        {
            RequestId = "request-1",
            TenantId = "portal-4711",
            RequestedBy = "anna",
            RequestedAt = Now,
            Kind = ResyncKind.Automatic,
            NotBefore = Now.AddMinutes(1),
            Parts = [new ResyncPart { Index = 0, EngineId = "sf-sync-eu-1", ObjectType = "contact", RecordKey = "hs:101", HubSpotId = "101", ErrorIds = ["error-1"], State = ResyncPartState.Deferred, ExpectedAt = Now.AddMinutes(1), Reason = "back-off" }],
            Version = 2,
        };

        var stored = ResyncRequestDocument.From(request).ToBsonDocument();
        var loaded = BsonSerializer.Deserialize<ResyncRequestDocument>(stored).ToRecord();

        Assert.Equal(("automatic", "deferred", true), (stored["kind"].AsString, stored["parts"][0]["state"].AsString, stored["waiting"].AsBoolean));
        Assert.Equal(
            (request.RequestId, request.TenantId, request.RequestedBy, request.RequestedAt, request.Kind, request.NotBefore, request.Version),
            (loaded.RequestId, loaded.TenantId, loaded.RequestedBy, loaded.RequestedAt, loaded.Kind, loaded.NotBefore, loaded.Version));
        Assert.Equal(request.Parts[0] with { ErrorIds = [] }, loaded.Parts[0] with { ErrorIds = [] });
        Assert.Equal(["error-1"], loaded.Parts[0].ErrorIds);
    }
}

using EventSync.Core.Errors;
using EventSync.Core.Resync;
using EventSync.Core.Storage;

namespace EventSync.Storage.Tests.Contract;

// The resync part of the store contract: requests with one part per record, changed atomically; transient failure counts; surfacing.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_store_a_request_once_and_read_it_back_whole_when_it_is_added_twice()
    {
        await using var store = await StartAsync();
        var request = await PlannedRequestAsync(store, "request-1", T0);

        Assert.True(await store.Resync.AddRequestAsync(request, Ct));
        Assert.False(await store.Resync.AddRequestAsync(request with { RequestedBy = "someone-else" }, Ct));

        var stored = await store.Resync.GetRequestAsync(Tenant, "request-1", Ct);
        Assert.NotNull(stored);
        Assert.Equal(("anna", ResyncKind.Operator, T0, T0, 1L), (stored.RequestedBy, stored.Kind, stored.RequestedAt, stored.NotBefore, stored.Version));
        Assert.Equal(request.Parts, stored.Parts, PartComparer.Instance);
        Assert.Equal([["hs:101"], ["hs:102"]], stored.Parts.Select(p => new[] { p.RecordKey }));
        Assert.Equal(2, stored.Parts[0].ErrorIds.Count);
        Assert.Null(await store.Resync.GetRequestAsync(OtherTenant, "request-1", Ct));
        Assert.Null(await store.Resync.GetRequestAsync(Tenant, "unknown", Ct));
    }

    [Fact]
    public async Task Should_read_many_requests_of_one_tenant_at_once_leaving_out_unknown_ids_and_other_tenants_requests()
    {
        await using var store = await StartAsync();
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-1", T0), Ct);
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-2", T0.AddMinutes(1)), Ct);
        var others = await PlannedRequestAsync(store, "request-3", T0);
        await store.Resync.AddRequestAsync(others with { TenantId = OtherTenant }, Ct);

        var read = await store.Resync.GetRequestsAsync(Tenant, ["request-2", "unknown", "request-3", "request-1", "request-2", "x' OR 1=1 --"], Ct);

        Assert.Equal(["request-1", "request-2"], read.Select(r => r.RequestId).Order(StringComparer.Ordinal));
        Assert.All(read, r => Assert.Equal((Tenant, 2), (r.TenantId, r.Parts.Count)));
        Assert.Empty(await store.Resync.GetRequestsAsync(Tenant, [], Ct));
        Assert.Equal("request-3", Assert.Single(await store.Resync.GetRequestsAsync(OtherTenant, ["request-1", "request-3"], Ct)).RequestId);
    }

    [Fact]
    public async Task Should_let_only_one_of_many_concurrent_claims_send_a_part_when_workers_race()
    {
        await using var store = await StartAsync();
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-1", T0), Ct);

        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(
            () => store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Claim(r, 0, T0.AddSeconds(i)), Ct), Ct)));

        var winner = Assert.Single(claims, c => c is not null);
        var stored = await store.Resync.GetRequestAsync(Tenant, "request-1", Ct);
        Assert.Equal((ResyncPartState.Sent, ResyncPartState.Queued), (stored!.Parts[0].State, stored.Parts[1].State));
        Assert.Equal(winner!.Parts[0].SentAt, stored.Parts[0].SentAt);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Should_list_waiting_requests_in_dispatch_order_and_their_tenants_when_parts_wait()
    {
        await using var store = await StartAsync();
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-b", T0.AddMinutes(1)), Ct);
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-c", T0), Ct);
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-a", T0.AddMinutes(1)), Ct);
        await store.Resync.AddRequestAsync((await PlannedRequestAsync(store, "request-x", T0)) with { TenantId = OtherTenant }, Ct);
        foreach (var index in new[] { 0, 1 })
        {
            await store.Resync.UpdateRequestAsync(Tenant, "request-c", r => ResyncRequestTransitions.Claim(r, index, T0), Ct);
            await store.Resync.UpdateRequestAsync(Tenant, "request-c", r => ResyncRequestTransitions.Confirm(r, index, T0), Ct);
        }

        var waiting = await store.Resync.ListWaitingAsync(Tenant, Ct);

        Assert.Equal(["request-a", "request-b"], waiting.Select(r => r.RequestId));
        Assert.Equal([Tenant, OtherTenant], await store.Resync.ListTenantsWaitingAsync(Ct));
    }

    [Fact]
    public async Task Should_keep_a_claimed_part_waiting_until_its_send_is_confirmed_when_its_worker_died_in_between()
    {
        // The claim is the part's outbox: a worker that died after it leaves the part out but unconfirmed, still listed.
        await using var store = await StartAsync();
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-1", T0), Ct);
        foreach (var index in new[] { 0, 1 })
        {
            await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Claim(r, index, T0), Ct);
        }

        await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Confirm(r, 1, T0), Ct);

        var waiting = Assert.Single(await store.Resync.ListWaitingAsync(Tenant, Ct));
        Assert.Equal([(ResyncPartState.Sent, true), (ResyncPartState.Sent, false)], waiting.Parts.Select(p => (p.State, p.Unconfirmed)));
        Assert.Contains(Tenant, await store.Resync.ListTenantsWaitingAsync(Ct));
        Assert.Single(await store.Resync.ListSentForErrorAsync(Tenant, waiting.Parts[0].ErrorIds[0], Ct));

        await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Confirm(r, 0, T0), Ct);

        Assert.Empty(await store.Resync.ListWaitingAsync(Tenant, Ct));
        Assert.DoesNotContain(Tenant, await store.Resync.ListTenantsWaitingAsync(Ct));
    }

    [Fact]
    public async Task Should_keep_a_finished_request_waiting_until_its_finish_is_announced()
    {
        // The finish mark is the request's outbox: set by the change that finishes it, listed until the announcement is confirmed.
        await using var store = await StartAsync();
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-1", T0), Ct);
        foreach (var index in new[] { 0, 1 })
        {
            await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Claim(r, index, T0), Ct);
            await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Confirm(r, index, T0), Ct);
        }

        await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Complete(r, _ => true, T0.AddMinutes(1)), Ct);

        var waiting = Assert.Single(await store.Resync.ListWaitingAsync(Tenant, Ct));
        Assert.Equal(("completed", true), (waiting.Outcome, waiting.FinishUnannounced));
        Assert.Contains(Tenant, await store.Resync.ListTenantsWaitingAsync(Ct));

        await store.Resync.UpdateRequestAsync(Tenant, "request-1", ResyncRequestTransitions.FinishAnnounced, Ct);

        Assert.Empty(await store.Resync.ListWaitingAsync(Tenant, Ct));
        Assert.DoesNotContain(Tenant, await store.Resync.ListTenantsWaitingAsync(Ct));
        Assert.False((await store.Resync.GetRequestAsync(Tenant, "request-1", Ct))!.FinishUnannounced);
        Assert.Null(await store.Resync.UpdateRequestAsync(Tenant, "request-1", ResyncRequestTransitions.FinishAnnounced, Ct));
    }

    [Fact]
    public async Task Should_let_only_one_of_many_concurrent_workers_send_an_unconfirmed_part_again()
    {
        await using var store = await StartAsync();
        await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, "request-1", T0), Ct);
        await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Claim(r, 0, T0), Ct);

        var reclaims = await Task.WhenAll(Enumerable.Range(1, 8).Select(i => Task.Run(
            () => store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Reclaim(r, 0, T0, T0.AddMinutes(i)), Ct), Ct)));

        var winner = Assert.Single(reclaims, c => c is not null);
        var stored = await store.Resync.GetRequestAsync(Tenant, "request-1", Ct);
        Assert.Equal((ResyncPartState.Sent, true, winner!.Parts[0].SentAt), (stored!.Parts[0].State, stored.Parts[0].Unconfirmed, stored.Parts[0].SentAt));
        Assert.Null(await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Confirm(r, 0, T0), Ct));
    }

    [Fact]
    public async Task Should_page_through_a_tenants_requests_newest_first_when_an_operator_lists_them()
    {
        await using var store = await StartAsync();
        // Two requests at the same moment are ordered by id; another tenant's request is never listed.
        foreach (var (id, minutes) in new[] { ("request-a", 0), ("request-b", 5), ("request-c", 5), ("request-d", 2), ("request-e", 9) })
        {
            await store.Resync.AddRequestAsync(await PlannedRequestAsync(store, id, T0.AddMinutes(minutes)), Ct);
        }

        await store.Resync.AddRequestAsync((await PlannedRequestAsync(store, "request-x", T0.AddMinutes(7))) with { TenantId = OtherTenant }, Ct);

        var pages = new List<ResyncRequestPage> { await store.Resync.ListRecentAsync(Tenant, null, 2, Ct) };
        while (pages[^1].Next is { } next)
        {
            Assert.True(pages.Count < 5, "the pages end");
            pages.Add(await store.Resync.ListRecentAsync(Tenant, next, 2, Ct));
        }

        Assert.Equal([["request-e", "request-c"], ["request-b", "request-d"], ["request-a"]], pages.Select(p => p.Requests.Select(r => r.RequestId).ToArray()));
        Assert.Equal(T0.AddMinutes(9), pages[0].Requests[0].RequestedAt);
        Assert.Equal(2, pages[0].Requests[0].Parts.Count);
        Assert.Empty((await store.Resync.ListRecentAsync("portal-without-requests", null, 2, Ct)).Requests);
    }

    [Fact]
    public async Task Should_find_sent_parts_by_record_and_by_error_when_a_record_synced_or_failed_again()
    {
        await using var store = await StartAsync();
        var request = await PlannedRequestAsync(store, "request-1", T0);
        await store.Resync.AddRequestAsync(request, Ct);
        Assert.Empty(await store.Resync.ListSentForRecordAsync(Tenant, "contact", "101", null, Ct));

        await store.Resync.UpdateRequestAsync(Tenant, "request-1", r => ResyncRequestTransitions.Claim(r, 0, T0), Ct);

        Assert.Equal(["request-1"], (await store.Resync.ListSentForRecordAsync(Tenant, "Contact", "101", null, Ct)).Select(r => r.RequestId));
        Assert.Equal(["request-1"], (await store.Resync.ListSentForRecordAsync(Tenant, "contact", null, "0035g00000XyZabAAF", Ct)).Select(r => r.RequestId));
        Assert.Empty(await store.Resync.ListSentForRecordAsync(Tenant, "contact", "102", null, Ct));
        Assert.Empty(await store.Resync.ListSentForRecordAsync(OtherTenant, "contact", "101", null, Ct));
        Assert.Equal(["request-1"], (await store.Resync.ListSentForErrorAsync(Tenant, request.Parts[0].ErrorIds[1], Ct)).Select(r => r.RequestId));
        Assert.Empty(await store.Resync.ListSentForErrorAsync(Tenant, request.Parts[1].ErrorIds[0], Ct));
    }

    [Fact]
    public async Task Should_count_every_first_failure_when_events_of_one_transient_error_are_counted_at_the_same_time()
    {
        await using var store = await StartAsync();
        const int Events = 8;

        for (var round = 0; round < 5; round++)
        {
            var errorId = $"error-{round}";
            await Task.WhenAll(Enumerable.Range(0, Events).Select(i => Task.Run(() => store.Retries.CountFailureAsync(Tenant, errorId, $"event-{i}", Ct), Ct)));

            Assert.Equal(Events + 1, await store.Retries.CountFailureAsync(Tenant, errorId, "event-last", Ct));
        }
    }

    [Fact]
    public async Task Should_count_each_failure_event_once_and_start_again_when_the_count_is_reset()
    {
        await using var store = await StartAsync();

        Assert.Equal(1, await store.Retries.CountFailureAsync(Tenant, "error-1", "event-1", Ct));
        Assert.Equal(1, await store.Retries.CountFailureAsync(Tenant, "error-1", "event-1", Ct));
        Assert.Equal(2, await store.Retries.CountFailureAsync(Tenant, "error-1", "event-2", Ct));
        Assert.Equal(1, await store.Retries.CountFailureAsync(Tenant, "error-2", "event-2", Ct));

        await store.Retries.ResetAsync(Tenant, ["error-1"], Ct);

        Assert.Equal(1, await store.Retries.CountFailureAsync(Tenant, "error-1", "event-3", Ct));
        Assert.Equal(2, await store.Retries.CountFailureAsync(Tenant, "error-2", "event-3", Ct));
    }

    [Fact]
    public async Task Should_show_a_transient_error_on_the_cards_once_it_surfaced()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.RowLock).At(T0).Build()));
        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        var surfaced = await store.Retries.SurfaceAsync(Tenant, change.Error.Id, T0.AddHours(1), Announce, Ct);
        var again = await store.Retries.SurfaceAsync(Tenant, change.Error.Id, T0.AddHours(2), Announce, Ct);

        Assert.Equal(T0.AddHours(1), surfaced?.SurfacedAt);
        Assert.Equal(T0.AddHours(1), again?.SurfacedAt);
        Assert.Equal(T0.AddHours(1), (await GetAsync(store, change.Error.Id)).SurfacedAt);
        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal(("transient", 1L), (card.Category, card.CurrentErrors));
        Assert.Null(await store.Retries.SurfaceAsync(OtherTenant, change.Error.Id, T0, Announce, Ct));
    }

    [Fact]
    public async Task Should_queue_the_announcement_of_a_surfaced_error_with_the_surfacing_write_and_only_once()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.RowLock).At(T0).Build()));

        await store.Retries.SurfaceAsync(Tenant, change.Error.Id, T0.AddHours(1), Announce, Ct);
        await store.Retries.SurfaceAsync(Tenant, change.Error.Id, T0.AddHours(2), Announce, Ct);

        // The surfacing write holds its announcement, built from the surfaced error; surfacing again queues nothing.
        var queued = Assert.Single(await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct));
        Assert.Equal((AnnouncementId(change.Error.Id), typeof(string).FullName!, $"{change.Error.Id}@{T0.AddHours(1):O}"), (queued.MessageId, queued.MessageType, queued.Body));
    }

    // A stand-in announcement: which error, surfaced when (the worker's real one is a TransientErrorSurfaced).
    private static OutboxMessage Announce(SyncError error) => new(AnnouncementId(error.Id), typeof(string).FullName!, $"{error.Id}@{error.SurfacedAt:O}");

    private static Guid AnnouncementId(string errorId) => new(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(errorId)).AsSpan(0, 16));

    // Two records: 101 with two errors (and a Salesforce id), 102 with one.
    private static async Task<ResyncRequestRecord> PlannedRequestAsync(StoreUnderTest store, string requestId, DateTimeOffset requestedAt)
    {
        var first = await RecordAsync(store, SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.RequiredFieldMissing, SalesforceErrors.InvalidEmail).At(T0).Build());
        var second = await RecordAsync(store, SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).At(T0).Build());
        var errors = await store.Queries.GetManyAsync(Tenant, [.. first.Concat(second).Select(c => c.Error.Id).Distinct()], Ct);
        return ResyncPlanner.Plan(new ResyncRequestHeader(requestId, Tenant, "anna", requestedAt, ResyncKind.Operator), errors);
    }

    private sealed class PartComparer : IEqualityComparer<ResyncPart>
    {
        public static readonly PartComparer Instance = new();

        public bool Equals(ResyncPart? x, ResyncPart? y) =>
            x is not null && y is not null && x with { ErrorIds = [] } == y with { ErrorIds = [] } && x.ErrorIds.SequenceEqual(y.ErrorIds);

        public int GetHashCode(ResyncPart obj) => obj.Index;
    }
}

using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Storage.Tests.Contract;

// The IOutboxStore part of the store contract: the announcements of a recording are stored with it or not at all, and
// handed to one dispatcher at a time until they are removed.
public abstract partial class SyncErrorStoreContract
{
    private const string AnnouncementType = "EventSync.Contracts.SyncErrorClassified";
    private static readonly TimeSpan OutboxLease = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task Should_queue_one_message_per_change_when_occurrences_are_recorded_with_their_announcements()
    {
        await using var store = await StartAsync();
        var first = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build();
        var other = SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).At(T0).Build();
        var again = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0.AddMinutes(1)).Build();
        var announced = new List<OutboxMessage>();

        var changes = await RecordAnnouncedAsync(store, announced, first, other, again);

        Assert.Equal(3, changes.Count);
        var claimed = await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct);
        Assert.Equal(announced.OrderBy(m => m.MessageId), claimed.OrderBy(m => m.MessageId));
        var ofFirstError = claimed.Where(m => m.Body.Contains(changes[0].Error.Id, StringComparison.Ordinal)).ToList();
        Assert.Equal([announced[0], announced[2]], ofFirstError);
        Assert.Equal(3, await store.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_queue_nothing_when_a_redelivered_event_changes_nothing()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build();
        var announced = new List<OutboxMessage>();

        await RecordAnnouncedAsync(store, announced, failure);
        var redelivered = await RecordAnnouncedAsync(store, announced, failure);

        Assert.Empty(redelivered);
        Assert.Single(announced);
        Assert.Equal(1, await store.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_store_neither_the_change_nor_its_announcement_when_the_write_fails()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build();
        var occurrences = SyncFailureBuilder.Occurrences(failure);

        await Assert.ThrowsAnyAsync<InvalidOperationException>(() => store.Errors.RecordAnnouncedAsync(
            occurrences, _ => throw new InvalidOperationException("The announcement cannot be made."), Ct));

        Assert.Null(await store.Errors.GetAsync(Tenant, occurrences[0].ErrorId, Ct));
        Assert.Equal(0, await store.Outbox.CountAsync(Ct));
        var retried = Assert.Single(await RecordAnnouncedAsync(store, [], failure));
        Assert.Equal(0, retried.PreviousVersion);
        Assert.Equal(1, await store.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_keep_the_waiting_messages_of_an_error_when_it_is_recorded_again()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule);
        var announced = new List<OutboxMessage>();

        await RecordAnnouncedAsync(store, announced, contact.At(T0).Build());
        await RecordAsync(store, contact.At(T0.AddMinutes(1)).Build());
        await RecordAnnouncedAsync(store, announced, contact.At(T0.AddMinutes(2)).Build());

        Assert.Equal(announced, await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct));
    }

    [Fact]
    public async Task Should_not_hand_out_a_claimed_message_again_until_its_lease_ran_out()
    {
        await using var store = await StartAsync();
        var announced = new List<OutboxMessage>();
        await RecordAnnouncedAsync(store, announced, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build());

        var claimed = await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct);
        var whileLeased = await store.Outbox.ClaimAsync(T0 + OutboxLease - TimeSpan.FromSeconds(1), OutboxLease, 10, Ct);
        var afterLease = await store.Outbox.ClaimAsync(T0 + OutboxLease, OutboxLease, 10, Ct);

        Assert.Equal(announced, claimed);
        Assert.Empty(whileLeased);
        Assert.Equal(announced, afterLease);
    }

    [Fact]
    public async Task Should_remove_published_messages_and_hand_out_released_ones_again()
    {
        await using var store = await StartAsync();
        var announced = new List<OutboxMessage>();
        await RecordAnnouncedAsync(
            store,
            announced,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).At(T0).Build());
        Assert.Equal(2, (await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct)).Count);

        await store.Outbox.RemoveAsync([announced[0].MessageId], Ct);
        await store.Outbox.ReleaseAsync([announced[1].MessageId], Ct);

        Assert.Equal(1, await store.Outbox.CountAsync(Ct));
        Assert.Equal([announced[1]], await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct));
        await store.Outbox.RemoveAsync([announced[1].MessageId, Guid.NewGuid()], Ct);
        Assert.Equal(0, await store.Outbox.CountAsync(Ct));
    }

    [Fact]
    public async Task Should_hand_each_message_to_one_claim_when_dispatchers_claim_at_once()
    {
        await using var store = await StartAsync();
        var announced = new List<OutboxMessage>();
        var failures = Enumerable.Range(0, 20).Select(i => SyncFailureBuilder.Contact($"{200 + i}").Failing(SalesforceErrors.DuplicateRule).At(T0).Build()).ToArray();
        await RecordAnnouncedAsync(store, announced, failures);

        var claims = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => store.Outbox.ClaimAsync(T0, OutboxLease, 5, Ct)));
        var rest = await store.Outbox.ClaimAsync(T0, OutboxLease, 20, Ct);

        var handedOut = claims.SelectMany(c => c).Concat(rest).Select(m => m.MessageId).ToList();
        Assert.Equal(announced.Select(m => m.MessageId).Order(), handedOut.Order());
    }

    [Fact]
    public async Task Should_queue_one_announcement_per_resolved_error_with_the_resolution_and_none_when_a_sync_is_redelivered()
    {
        await using var store = await StartAsync();
        var changes = await RecordAnnouncedAsync(
            store,
            [],
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build(),
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.InvalidEmail).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).At(T0).Build());
        await store.Outbox.RemoveAsync([.. (await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct)).Select(m => m.MessageId)], Ct);
        var synced = new RecordResolution(Tenant, "contact", "101", null, T0.AddMinutes(5));
        var announced = new List<(SyncError Error, OutboxMessage Message)>();
        OutboxMessage Announce(SyncError error)
        {
            var message = new OutboxMessage(Guid.CreateVersion7(), "EventSync.Contracts.SyncErrorResolved", JsonSerializer.Serialize(new { errorId = error.Id }));
            announced.Add((error, message));
            return message;
        }

        Assert.Equal(2, await store.Errors.ResolveRecordsAnnouncedAsync([synced], Announce, Ct));
        Assert.Equal(0, await store.Errors.ResolveRecordsAnnouncedAsync([synced], Announce, Ct));

        Assert.Equal(changes.Take(2).Select(c => c.Error.Id).Order(StringComparer.Ordinal), announced.Select(a => a.Error.Id).Order(StringComparer.Ordinal));
        Assert.All(announced, a => Assert.Equal((SyncErrorState.Resolved, T0.AddMinutes(5)), (a.Error.State, a.Error.ResolvedAt)));
        var claimed = await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct);
        Assert.Equal(announced.Select(a => a.Message).OrderBy(m => m.MessageId), claimed.OrderBy(m => m.MessageId));
    }

    private static Task<IReadOnlyList<SyncErrorChange>> RecordAnnouncedAsync(StoreUnderTest store, List<OutboxMessage> announced, params SyncFailureReported[] failures) =>
        store.Errors.RecordAnnouncedAsync(
            failures.SelectMany(SyncFailureBuilder.Occurrences).ToList(),
            change =>
            {
                var message = new OutboxMessage(
                    Guid.CreateVersion7(), AnnouncementType, JsonSerializer.Serialize(new { errorId = change.Error.Id, eventId = change.Error.LastEventId }));
                announced.Add(message);
                return message;
            },
            Ct);
}

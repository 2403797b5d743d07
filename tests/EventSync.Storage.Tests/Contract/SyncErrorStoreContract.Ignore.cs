using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Storage;

namespace EventSync.Storage.Tests.Contract;

// Ignored errors: off the cards until restored, until a date (reopened with an announcement) or until they failed a
// number of times more; a sync of their record still resolves them.
public abstract partial class SyncErrorStoreContract
{
    private static ErrorIgnore IgnoreBy(string who, DateTimeOffset? until = null, long? more = null) =>
        new() { IgnoredBy = who, IgnoredAt = T0.AddMinutes(1), Until = until, UntilOccurrences = more, Reason = "a known test record" };

    [Fact]
    public async Task Should_take_an_error_off_its_card_and_keep_who_and_why_when_it_is_ignored()
    {
        await using var store = await StartAsync();
        var ignored = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        var kept = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;

        var changed = Assert.Single(await store.Errors.IgnoreAsync(Tenant, [ignored.Id], IgnoreBy("ops-anna", T0.AddDays(7), 3), Ct));

        var stored = await GetAsync(store, ignored.Id);
        AssertSameError(changed, stored);
        Assert.Equal(SyncErrorState.Ignored, stored.State);
        Assert.Equal(new ErrorIgnore { IgnoredBy = "ops-anna", IgnoredAt = T0.AddMinutes(1), Until = T0.AddDays(7), UntilOccurrences = 3, ReopenAtOccurrences = 4, Reason = "a known test record" }, stored.Ignore);
        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal((1, 1), (card.CurrentErrors, card.AffectedRecords));
        Assert.Equal(await RecountCardsAsync(store), await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        var listed = await store.Queries.ListAsync(new ErrorQuery(Tenant) { State = SyncErrorState.Ignored }, null, 10, Ct);
        Assert.Equal([ignored.Id], listed.Errors.Select(e => e.Id));
        Assert.Equal(SyncErrorState.Open, (await GetAsync(store, kept.Id)).State);
    }

    [Fact]
    public async Task Should_put_an_error_back_on_its_card_as_open_when_it_is_restored()
    {
        await using var store = await StartAsync();
        var error = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        await store.Errors.IgnoreAsync(Tenant, [error.Id], IgnoreBy("ops-anna"), Ct);
        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        var restored = Assert.Single(await store.Errors.RestoreAsync(Tenant, [error.Id], Ct));

        Assert.Equal(SyncErrorState.Open, restored.State);
        Assert.Null((await GetAsync(store, error.Id)).Ignore);
        Assert.Equal(1, Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct)).CurrentErrors);
        Assert.Empty(await store.Errors.RestoreAsync(Tenant, [error.Id], Ct));
    }

    [Fact]
    public async Task Should_leave_resolved_errors_and_other_tenants_errors_alone_when_errors_are_ignored()
    {
        await using var store = await StartAsync();
        var resolved = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(1));
        var others = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("201").InTenant(OtherTenant).Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;

        Assert.Empty(await store.Errors.IgnoreAsync(Tenant, [resolved.Id, others.Id], IgnoreBy("ops-anna"), Ct));

        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, resolved.Id)).State);
        Assert.Equal(SyncErrorState.Open, (await store.Errors.GetAsync(OtherTenant, others.Id, Ct))!.State);
    }

    [Fact]
    public async Task Should_keep_an_error_ignored_until_it_failed_the_number_of_times_more_and_then_reopen_it()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule);
        var error = Assert.Single(await RecordAsync(store, contact.At(T0).Build())).Error;
        await store.Errors.IgnoreAsync(Tenant, [error.Id], IgnoreBy("ops-anna", more: 2), Ct);

        var once = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(2)).Build()));
        var twice = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(3)).Build()));

        Assert.Equal((ErrorOccurrence.Recurring, SyncErrorState.Ignored), (once.Occurrence, once.Error.State));
        Assert.Equal((ErrorOccurrence.Reopened, SyncErrorState.Open), (twice.Occurrence, twice.Error.State));
        var stored = await GetAsync(store, error.Id);
        Assert.Equal((SyncErrorState.Open, 3L), (stored.State, stored.Occurrences));
        Assert.Null(stored.Ignore);
        Assert.Equal(1, Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct)).CurrentErrors);
    }

    [Fact]
    public async Task Should_reopen_an_ignored_error_with_its_announcement_once_when_its_date_came()
    {
        await using var store = await StartAsync();
        var error = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        var forever = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        await store.Errors.IgnoreAsync(Tenant, [error.Id], IgnoreBy("ops-anna", T0.AddHours(1)), Ct);
        await store.Errors.IgnoreAsync(Tenant, [forever.Id], IgnoreBy("ops-anna"), Ct);
        var announced = new List<OutboxMessage>();
        OutboxMessage Announce(SyncErrorChange change)
        {
            var message = new OutboxMessage(Guid.CreateVersion7(), AnnouncementType, $$"""{"errorId":"{{change.Error.Id}}"}""");
            announced.Add(message);
            return message;
        }

        Assert.Empty(await store.Errors.ReopenDueIgnoredAsync(T0.AddMinutes(59), 10, Announce, Ct));
        var reopened = Assert.Single(await store.Errors.ReopenDueIgnoredAsync(T0.AddHours(1), 10, Announce, Ct));
        Assert.Empty(await store.Errors.ReopenDueIgnoredAsync(T0.AddHours(2), 10, Announce, Ct));

        Assert.Equal((error.Id, ErrorOccurrence.Reopened, SyncErrorState.Open), (reopened.Error.Id, reopened.Occurrence, reopened.Error.State));
        Assert.Equal(SyncErrorState.Open, (await GetAsync(store, error.Id)).State);
        Assert.Equal(SyncErrorState.Ignored, (await GetAsync(store, forever.Id)).State);
        Assert.Equal(announced, await store.Outbox.ClaimAsync(T0, OutboxLease, 10, Ct));
        Assert.Equal(1, Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct)).CurrentErrors);
    }

    [Fact]
    public async Task Should_resolve_an_ignored_error_when_its_record_syncs()
    {
        await using var store = await StartAsync();
        var error = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        await store.Errors.IgnoreAsync(Tenant, [error.Id], IgnoreBy("ops-anna", T0.AddHours(1)), Ct);

        Assert.Equal(1, await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(5)));

        var stored = await GetAsync(store, error.Id);
        Assert.Equal(SyncErrorState.Resolved, stored.State);
        Assert.Null(stored.Ignore);
        Assert.Empty(await store.Errors.ReopenDueIgnoredAsync(T0.AddHours(2), 10, _ => throw new InvalidOperationException("Nothing is due."), Ct));
        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }
}

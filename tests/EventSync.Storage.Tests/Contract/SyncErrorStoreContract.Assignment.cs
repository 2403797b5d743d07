using EventSync.Core.Errors;

namespace EventSync.Storage.Tests.Contract;

// Who looks at which errors, and what people wrote: assignment, the list by assignee, assigned counts per card, notes.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_list_errors_by_assignee_and_count_the_current_assigned_ones_per_type_when_errors_are_assigned()
    {
        await using var store = await StartAsync();
        var first = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        var second = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        var resolved = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.InvalidEmail).At(T0).Build())).Error;
        var nobodys = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("104").Failing(SalesforceErrors.InvalidEmail).At(T0).Build())).Error;

        var changed = await store.Errors.AssignAsync(Tenant, [first.Id, second.Id, resolved.Id], "anna@example.com", Ct);
        await ResolveAsync(store, "contact", "103", null, T0.AddMinutes(1));

        Assert.Equal(3, changed.Count);
        Assert.Empty(await store.Errors.AssignAsync(Tenant, [first.Id], "anna@example.com", Ct));
        var annas = await store.Queries.ListAsync(new ErrorQuery(Tenant) { Assignee = "anna@example.com" }, null, 10, Ct);
        Assert.Equal(new[] { first.Id, second.Id, resolved.Id }.Order(StringComparer.Ordinal), annas.Errors.Select(e => e.Id).Order(StringComparer.Ordinal));
        var unassigned = await store.Queries.ListAsync(new ErrorQuery(Tenant) { Unassigned = true }, null, 10, Ct);
        Assert.Equal([nobodys.Id], unassigned.Errors.Select(e => e.Id));
        var counts = await store.Queries.CountAssignedAsync(Tenant, Ct);
        Assert.Equal(2, Assert.Single(counts, c => c.Key == first.ErrorType).Value);
        Assert.DoesNotContain(resolved.ErrorType, counts.Keys);
        Assert.Empty(await store.Queries.CountAssignedAsync(OtherTenant, Ct));
    }

    [Fact]
    public async Task Should_assign_to_nobody_and_keep_the_card_counts_when_an_error_is_unassigned()
    {
        await using var store = await StartAsync();
        var error = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build())).Error;
        await store.Errors.AssignAsync(Tenant, [error.Id], "Anna", Ct);

        var unassigned = Assert.Single(await store.Errors.AssignAsync(Tenant, [error.Id], null, Ct));

        Assert.Null(unassigned.Assignee);
        Assert.Null((await GetAsync(store, error.Id)).Assignee);
        Assert.Empty(await store.Queries.CountAssignedAsync(Tenant, Ct));
        Assert.Equal(await RecountCardsAsync(store), await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_notes_in_order_with_author_and_time_and_keep_the_assignee_when_the_error_fails_again()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule);
        var error = Assert.Single(await RecordAsync(store, contact.At(T0).Build())).Error;
        await store.Errors.AssignAsync(Tenant, [error.Id], "Anna", Ct);

        await store.Errors.AddNoteAsync(Tenant, error.Id, new ErrorNote("ops-anna", T0.AddMinutes(1), "Asked sales."), Ct);
        var noted = await store.Errors.AddNoteAsync(Tenant, error.Id, new ErrorNote("ops-bob", T0.AddMinutes(2), "Fixed.\nResync next."), Ct);
        await RecordAsync(store, contact.At(T0.AddMinutes(3)).Build());

        var stored = await GetAsync(store, error.Id);
        Assert.Equal([new ErrorNote("ops-anna", T0.AddMinutes(1), "Asked sales."), new ErrorNote("ops-bob", T0.AddMinutes(2), "Fixed.\nResync next.")], stored.Notes);
        Assert.Equal(noted!.Notes, stored.Notes);
        Assert.Equal(("Anna", 2L), (stored.Assignee, stored.Occurrences));
        Assert.Null(await store.Errors.AddNoteAsync(OtherTenant, error.Id, new ErrorNote("ops", T0, "not mine"), Ct));
        Assert.Null(await store.Errors.AddNoteAsync(Tenant, "no-such-error", new ErrorNote("ops", T0, "nothing"), Ct));
    }
}

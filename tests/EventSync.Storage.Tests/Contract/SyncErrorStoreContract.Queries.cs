using EventSync.Core.Errors;

namespace EventSync.Storage.Tests.Contract;

// The ISyncErrorQueries part of the store contract: lists, export streams, reads by id and resync marking.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_list_newest_last_seen_first_and_ties_by_id_when_no_filter_is_given()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 7, i => T0.AddSeconds(i % 3));

        var page = await store.Queries.ListAsync(new ErrorQuery(Tenant), null, 10, Ct);

        Assert.Equal(IdsInListOrder(errors), page.Errors.Select(e => e.Id));
        Assert.Null(page.Next);
    }

    [Fact]
    public async Task Should_list_only_the_error_type_when_an_error_type_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.DuplicateRule).Build());

        var listed = await ListIdsAsync(store, new ErrorQuery(Tenant) { ErrorType = changes[0].Error.ErrorType });

        Assert.Equal(Ids(changes[0], changes[2]), listed.Order());
    }

    [Fact]
    public async Task Should_list_only_the_category_when_a_category_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.RowLock).Build());
        Assert.NotEqual(changes[0].Error.Category, changes[1].Error.Category);

        var listed = await ListIdsAsync(store, new ErrorQuery(Tenant) { Category = changes[1].Error.Category });

        Assert.Equal(Ids(changes[1]), listed);
    }

    [Fact]
    public async Task Should_list_only_the_state_when_a_state_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").At(T0).Build(),
            SyncFailureBuilder.Contact("102").At(T0).Build(),
            SyncFailureBuilder.Contact("103").At(T0).Build());
        await ResolveAsync(store, "contact", "102", null, T0.AddMinutes(1));
        await store.Errors.MarkResyncPendingAsync(Tenant, [changes[2].Error.Id], Ct);

        var open = await ListIdsAsync(store, new ErrorQuery(Tenant) { State = SyncErrorState.Open });
        var resolved = await ListIdsAsync(store, new ErrorQuery(Tenant) { State = SyncErrorState.Resolved });
        var pending = await ListIdsAsync(store, new ErrorQuery(Tenant) { State = SyncErrorState.ResyncPending });

        Assert.Equal(Ids(changes[0]), open);
        Assert.Equal(Ids(changes[1]), resolved);
        Assert.Equal(Ids(changes[2]), pending);
    }

    [Fact]
    public async Task Should_list_open_and_resync_pending_errors_but_not_resolved_or_ignored_ones_when_current_ones_are_asked_for()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").At(T0).Build(),
            SyncFailureBuilder.Contact("102").At(T0).Build(),
            SyncFailureBuilder.Contact("103").At(T0).Build(),
            SyncFailureBuilder.Contact("104").At(T0).Build());
        await ResolveAsync(store, "contact", "102", null, T0.AddMinutes(1));
        await store.Errors.MarkResyncPendingAsync(Tenant, [changes[2].Error.Id], Ct);
        await store.Errors.IgnoreAsync(Tenant, [changes[3].Error.Id], new ErrorIgnore { IgnoredBy = "ada", IgnoredAt = T0 }, Ct);

        var current = await ListIdsAsync(store, new ErrorQuery(Tenant) { CurrentOnly = true });

        Assert.Equal(Ids(changes[0], changes[2]).Order(StringComparer.Ordinal), current.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Should_list_only_the_object_type_when_an_object_type_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Build(),
            SyncFailureBuilder.Contact("101").As("lead").Build(),
            SyncFailureBuilder.SalesforceRecord("account", "0015g00000AbCdeAAF").Build());

        var leads = await ListIdsAsync(store, new ErrorQuery(Tenant) { ObjectType = "lead" });
        var accounts = await ListIdsAsync(store, new ErrorQuery(Tenant) { ObjectType = "account" });

        Assert.Equal(Ids(changes[1]), leads);
        Assert.Equal(Ids(changes[2]), accounts);
    }

    [Fact]
    public async Task Should_list_from_inclusive_to_exclusive_on_last_seen_when_a_time_range_is_given()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 5, i => T0.AddMinutes(i));

        var listed = await ListIdsAsync(store, new ErrorQuery(Tenant) { SeenFrom = T0.AddMinutes(1), SeenTo = T0.AddMinutes(3) });
        var fromOnly = await ListIdsAsync(store, new ErrorQuery(Tenant) { SeenFrom = T0.AddMinutes(3) });
        var toOnly = await ListIdsAsync(store, new ErrorQuery(Tenant) { SeenTo = T0.AddMinutes(1) });

        Assert.Equal([errors[2].Id, errors[1].Id], listed);
        Assert.Equal([errors[4].Id, errors[3].Id], fromOnly);
        Assert.Equal([errors[0].Id], toOnly);
    }

    [Fact]
    public async Task Should_find_text_in_message_status_code_and_record_ids_ignoring_case_when_text_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("202").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("98765").Failing(SalesforceErrors.RequiredFieldMissing).Build());

        Assert.Equal(Ids(changes[0]), await ListIdsAsync(store, new ErrorQuery(Tenant) { Text = "USE ONE of THESE" }));
        Assert.Equal(Ids(changes[1]), await ListIdsAsync(store, new ErrorQuery(Tenant) { Text = "invalid_email" }));
        Assert.Equal(Ids(changes[2]), await ListIdsAsync(store, new ErrorQuery(Tenant) { Text = "876" }));
        Assert.Equal(Ids(changes[0]), await ListIdsAsync(store, new ErrorQuery(Tenant) { Text = "xyzAB" }));
        Assert.Empty(await ListIdsAsync(store, new ErrorQuery(Tenant) { Text = "no such text" }));
    }

    [Fact]
    public async Task Should_list_only_errors_matching_every_filter_when_filters_are_combined()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.InvalidEmail).At(T0.AddMinutes(1)).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).At(T0.AddMinutes(1)).Build(),
            SyncFailureBuilder.Contact("101").As("lead").Failing(SalesforceErrors.InvalidEmail).At(T0.AddMinutes(1)).Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.DuplicateRule).At(T0.AddMinutes(1)).Build(),
            SyncFailureBuilder.Contact("104").Failing(SalesforceErrors.InvalidEmail).At(T0.AddMinutes(5)).Build(),
            SyncFailureBuilder.Contact("105").Failing(SalesforceErrors.InvalidEmail).At(T0.AddMinutes(1)).Build());
        await ResolveAsync(store, "contact", "105", null, T0.AddMinutes(2));
        var email = changes[0].Error;

        var listed = await ListIdsAsync(store, new ErrorQuery(Tenant)
        {
            ErrorType = email.ErrorType,
            Category = email.Category,
            State = SyncErrorState.Open,
            ObjectType = "contact",
            SeenFrom = T0,
            SeenTo = T0.AddMinutes(2),
            Text = "10",
        });

        Assert.Equal(Ids(changes[0], changes[1]).Order(), listed.Order());
    }

    [Fact]
    public async Task Should_visit_every_error_once_in_list_order_when_paging_through_1050_errors_by_100()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 1_050, i => T0.AddSeconds(i % 70));

        var pages = await ListPagesAsync(store, new ErrorQuery(Tenant), 100);

        Assert.Equal(11, pages.Count);
        Assert.All(pages.Take(10), p => Assert.Equal(100, p.Errors.Count));
        Assert.Equal(50, pages[^1].Errors.Count);
        Assert.Null(pages[^1].Next);
        Assert.Equal(IdsInListOrder(errors), pages.SelectMany(p => p.Errors).Select(e => e.Id));
    }

    [Fact]
    public async Task Should_give_no_next_cursor_when_the_last_page_is_exactly_full()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 4, i => T0.AddMinutes(i));

        var pages = await ListPagesAsync(store, new ErrorQuery(Tenant), 2);

        Assert.Equal(2, pages.Count);
        Assert.Equal(new ErrorPageCursor(errors[2].LastSeen, errors[2].Id), pages[0].Next);
        Assert.Null(pages[1].Next);
    }

    [Fact]
    public async Task Should_not_list_an_error_again_when_it_was_seen_again_after_its_page_was_listed()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 5, i => T0.AddMinutes(i));
        var first = await store.Queries.ListAsync(new ErrorQuery(Tenant), null, 2, Ct);
        Assert.Equal([errors[4].Id, errors[3].Id], first.Errors.Select(e => e.Id));

        await RecordAsync(store, SyncFailureBuilder.Contact("104").At(T0.AddMinutes(10)).Build());

        var second = await store.Queries.ListAsync(new ErrorQuery(Tenant), first.Next, 2, Ct);
        var third = await store.Queries.ListAsync(new ErrorQuery(Tenant), second.Next, 2, Ct);
        Assert.Equal([errors[2].Id, errors[1].Id], second.Errors.Select(e => e.Id));
        Assert.Equal([errors[0].Id], third.Errors.Select(e => e.Id));
        Assert.Null(third.Next);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_001)]
    public async Task Should_refuse_the_limit_when_it_is_outside_1_to_1000(int limit)
    {
        await using var store = await StartAsync();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => store.Queries.ListAsync(new ErrorQuery(Tenant), null, limit, Ct));
    }

    [Fact]
    public async Task Should_accept_the_limit_when_it_is_1_or_1000()
    {
        await using var store = await StartAsync();
        await RecordContactsAsync(store, 2, i => T0.AddMinutes(i));

        var smallest = await store.Queries.ListAsync(new ErrorQuery(Tenant), null, 1, Ct);
        var largest = await store.Queries.ListAsync(new ErrorQuery(Tenant), null, 1_000, Ct);

        Assert.Single(smallest.Errors);
        Assert.NotNull(smallest.Next);
        Assert.Equal(2, largest.Errors.Count);
    }

    [Fact]
    public async Task Should_stream_every_error_in_list_order_when_there_are_2500_errors()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 2_500, i => T0.AddSeconds(i % 150));

        var streamed = await StreamIdsAsync(store, new ErrorQuery(Tenant));

        Assert.Equal(IdsInListOrder(errors), streamed);
    }

    [Fact]
    public async Task Should_stream_only_matching_errors_when_a_filter_is_given()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 20, i => T0.AddMinutes(i));

        var streamed = await StreamIdsAsync(store, new ErrorQuery(Tenant) { SeenFrom = T0.AddMinutes(15) });

        Assert.Equal(IdsInListOrder(errors.Skip(15)), streamed);
    }

    [Fact]
    public async Task Should_stop_streaming_when_the_token_is_cancelled()
    {
        await using var store = await StartAsync();
        await RecordContactsAsync(store, 3, i => T0.AddMinutes(i));
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.Queries.StreamAsync(new ErrorQuery(Tenant), cancelled.Token))
            {
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in store.Queries.StreamAsync(new ErrorQuery(Tenant), CancellationToken.None).WithCancellation(cancelled.Token))
            {
            }
        });
    }

    [Fact]
    public async Task Should_return_the_tenants_errors_and_leave_out_unknown_ids_when_reading_several_by_id()
    {
        await using var store = await StartAsync();
        var errors = await RecordContactsAsync(store, 3, i => T0.AddMinutes(i));

        var read = await store.Queries.GetManyAsync(Tenant, [errors[0].Id, errors[2].Id, "000000000000000000000000"], Ct);

        Assert.Equal(new[] { errors[0].Id, errors[2].Id }.Order(), read.Select(e => e.Id).Order());
        AssertSameError(errors[0], read.Single(e => e.Id == errors[0].Id));
    }

    [Fact]
    public async Task Should_keep_tenants_apart_when_listing_streaming_reading_and_marking()
    {
        await using var store = await StartAsync();
        var own = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").At(T0).Build())).Error;
        var others = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").InTenant(OtherTenant).At(T0.AddMinutes(1)).Build())).Error;

        var listed = await ListIdsAsync(store, new ErrorQuery(Tenant));
        var streamed = await StreamIdsAsync(store, new ErrorQuery(OtherTenant));
        var read = await store.Queries.GetManyAsync(Tenant, [own.Id, others.Id], Ct);
        var marked = await store.Errors.MarkResyncPendingAsync(Tenant, [others.Id], Ct);

        Assert.Equal([own.Id], listed);
        Assert.Equal([others.Id], streamed);
        Assert.Equal([own.Id], read.Select(e => e.Id));
        Assert.Empty(marked);
        var untouched = await store.Errors.GetAsync(OtherTenant, others.Id, Ct);
        Assert.Equal(SyncErrorState.Open, untouched?.State);
        Assert.Equal(1, untouched?.Version);
    }

    [Fact]
    public async Task Should_move_open_errors_to_resync_pending_and_raise_the_version_when_marked()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").At(T0).Build(),
            SyncFailureBuilder.Contact("102").At(T0).Build(),
            SyncFailureBuilder.Contact("103").At(T0).Build());
        await ResolveAsync(store, "contact", "103", null, T0.AddMinutes(1));
        var (first, second, resolved) = (changes[0].Error, changes[1].Error, changes[2].Error);

        var marked = await store.Errors.MarkResyncPendingAsync(Tenant, [first.Id, second.Id, resolved.Id, "000000000000000000000000"], Ct);

        Assert.Equal(new[] { first.Id, second.Id }.Order(), marked.Select(e => e.Id).Order());
        Assert.All(marked, e => Assert.Equal(SyncErrorState.ResyncPending, e.State));
        foreach (var error in new[] { first, second })
        {
            var stored = await GetAsync(store, error.Id);
            Assert.Equal(SyncErrorState.ResyncPending, stored.State);
            Assert.Equal(2, stored.Version);
            Assert.Equal(error.Occurrences, stored.Occurrences);
        }

        var untouched = await GetAsync(store, resolved.Id);
        Assert.Equal(SyncErrorState.Resolved, untouched.State);
        Assert.Equal(2, untouched.Version);
    }

    [Fact]
    public async Task Should_leave_a_pending_error_unchanged_when_it_is_marked_again()
    {
        await using var store = await StartAsync();
        var error = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Build())).Error;
        Assert.Single(await store.Errors.MarkResyncPendingAsync(Tenant, [error.Id], Ct));

        var again = await store.Errors.MarkResyncPendingAsync(Tenant, [error.Id], Ct);

        Assert.Empty(again);
        var stored = await GetAsync(store, error.Id);
        Assert.Equal(SyncErrorState.ResyncPending, stored.State);
        Assert.Equal(2, stored.Version);
    }

    [Fact]
    public async Task Should_keep_a_pending_error_among_the_current_errors_when_its_card_is_counted()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).Build());

        await store.Errors.MarkResyncPendingAsync(Tenant, [changes[0].Error.Id], Ct);

        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal(2, card.CurrentErrors);
    }

    // One error per contact ("100", "101", ...), recorded in one batch; returned in input order.
    private static async Task<IReadOnlyList<SyncError>> RecordContactsAsync(StoreUnderTest store, int count, Func<int, DateTimeOffset> lastSeen)
    {
        var failures = Enumerable.Range(0, count)
            .Select(i => SyncFailureBuilder.Contact((100 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).At(lastSeen(i)).Build())
            .ToArray();
        var changes = await RecordAsync(store, failures);
        Assert.Equal(count, changes.Count);
        return [.. changes.Select(c => c.Error)];
    }

    private static async Task<List<ErrorPage>> ListPagesAsync(StoreUnderTest store, ErrorQuery query, int limit)
    {
        var pages = new List<ErrorPage>();
        ErrorPageCursor? after = null;
        do
        {
            var page = await store.Queries.ListAsync(query, after, limit, Ct);
            pages.Add(page);
            after = page.Next;
        }
        while (after is not null && pages.Count <= 1_000);

        return pages;
    }

    private static async Task<List<string>> ListIdsAsync(StoreUnderTest store, ErrorQuery query) =>
        [.. (await ListPagesAsync(store, query, 1_000)).SelectMany(p => p.Errors).Select(e => e.Id)];

    private static async Task<List<string>> StreamIdsAsync(StoreUnderTest store, ErrorQuery query)
    {
        var ids = new List<string>();
        await foreach (var error in store.Queries.StreamAsync(query, Ct))
        {
            ids.Add(error.Id);
        }

        return ids;
    }

    private static List<string> IdsInListOrder(IEnumerable<SyncError> errors) =>
        [.. errors.OrderByDescending(e => e.LastSeen).ThenBy(e => e.Id, StringComparer.Ordinal).Select(e => e.Id)];

    private static string[] Ids(params SyncErrorChange[] changes) => [.. changes.Select(c => c.Error.Id)];
}

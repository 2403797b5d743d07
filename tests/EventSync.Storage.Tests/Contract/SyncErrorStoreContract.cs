using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Storage;
using EventSync.Core.Usage;

namespace EventSync.Storage.Tests.Contract;

/// <summary>
/// The behaviour every EventSync store must have. A store's test class derives from this class and implements
/// <see cref="CreateStoreAsync"/>; every test below then runs against that store.
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item>Return a fresh, empty store isolated from every other test (a new temp folder, a new database name), as the
/// back end's <c>AddXxxStorage</c> registers it: <see cref="StoreUnderTest"/> resolves every store interface from the
/// provider.</item>
/// <item>Do not initialise it: each test calls <see cref="IStoreLifecycle.InitializeAsync"/> itself (one test twice).</item>
/// <item>Each test disposes the <see cref="StoreUnderTest"/> at its end: the cleanup closes the store and deletes its data.</item>
/// <item>When the backing server cannot be had, call <c>Assert.Skip("why")</c> in <see cref="CreateStoreAsync"/>:
/// every contract test then reports as skipped with that reason.</item>
/// </list>
/// Test data comes from <see cref="SyncFailureBuilder"/> (events classified by the real classifier) and
/// <see cref="SalesforceErrors"/>. Times are whole milliseconds after <see cref="SyncFailureBuilder.Start"/>.
/// </remarks>
public abstract partial class SyncErrorStoreContract
{
    private const string Tenant = SyncFailureBuilder.DefaultTenant;
    private const string OtherTenant = "portal-9000";
    private static readonly DateTimeOffset T0 = SyncFailureBuilder.Start;
    private static readonly string[] NoStrings = [];
    private static readonly ReportedError[] NoReportedErrors = [];
    private static readonly ErrorOccurrenceEntry[] NoEntries = [];
    private static readonly ErrorNote[] NoNotes = [];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<StoreUnderTest> CreateStoreAsync();

    [Fact]
    public async Task Should_open_a_new_error_when_a_record_fails_for_the_first_time()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.DuplicateRule).At(T0).Build();

        var change = Assert.Single(await RecordAsync(store, failure));

        Assert.Equal(ErrorOccurrence.New, change.Occurrence);
        Assert.Equal(0, change.PreviousVersion);
        var stored = await GetAsync(store, change.Error.Id);
        Assert.Equal(SyncErrorState.Open, stored.State);
        Assert.Equal(1, stored.Occurrences);
        Assert.Equal(1, stored.Version);
        Assert.Equal(T0, stored.FirstSeen);
        Assert.Equal(T0, stored.LastSeen);
        Assert.Equal("hs:101", stored.RecordKey);
        Assert.Equal([failure.EventId], stored.RecentEventIds);
    }

    [Fact]
    public async Task Should_read_back_every_field_when_an_error_was_recorded()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF")
            .Failing(SalesforceErrors.RequiredFieldMissing, SalesforceErrors.RestrictedPicklist).At(T0).Build();

        var changes = await RecordAsync(store, failure);

        Assert.Equal(2, changes.Count);
        foreach (var change in changes)
        {
            AssertSameError(change.Error, await GetAsync(store, change.Error.Id));
        }
    }

    [Fact]
    public async Task Should_count_one_error_with_two_occurrences_when_the_same_type_fails_again_on_the_same_record()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule);
        var first = contact.At(T0).Build();
        var again = contact.At(T0.AddMinutes(5)).Build();

        var created = Assert.Single(await RecordAsync(store, first));
        var repeated = Assert.Single(await RecordAsync(store, again));

        Assert.Equal(created.Error.Id, repeated.Error.Id);
        Assert.Equal(ErrorOccurrence.Recurring, repeated.Occurrence);
        Assert.Equal(1, repeated.PreviousVersion);
        var stored = await GetAsync(store, created.Error.Id);
        Assert.Equal(2, stored.Occurrences);
        Assert.Equal(2, stored.Version);
        Assert.Equal(T0, stored.FirstSeen);
        Assert.Equal(T0.AddMinutes(5), stored.LastSeen);
        Assert.Equal(again.EventId, stored.LastEventId);
    }

    [Fact]
    public async Task Should_apply_earlier_occurrences_first_when_one_batch_repeats_an_error()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.InvalidEmail);
        var first = contact.At(T0).Build();
        var again = contact.At(T0.AddMinutes(1)).Build();

        var changes = await RecordAsync(store, first, again);

        Assert.Equal([ErrorOccurrence.New, ErrorOccurrence.Recurring], changes.Select(c => c.Occurrence));
        Assert.Equal([0L, 1L], changes.Select(c => c.PreviousVersion));
        var stored = await GetAsync(store, changes[0].Error.Id);
        Assert.Equal(2, stored.Occurrences);
        Assert.Equal(2, stored.Version);
        Assert.Equal(T0.AddMinutes(1), stored.LastSeen);
    }

    [Fact]
    public async Task Should_keep_the_latest_last_seen_when_an_older_failure_arrives_late()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101");
        var later = contact.At(T0.AddMinutes(10)).Build();
        var earlier = contact.At(T0).Build();

        var changes = await RecordAsync(store, later);
        await RecordAsync(store, earlier);

        var stored = await GetAsync(store, changes[0].Error.Id);
        Assert.Equal(2, stored.Occurrences);
        Assert.Equal(T0, stored.FirstSeen);
        Assert.Equal(T0.AddMinutes(10), stored.LastSeen);
        Assert.Equal(later.EventId, stored.LastEventId);
    }

    [Fact]
    public async Task Should_record_two_errors_when_one_record_fails_with_two_error_types()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.RequiredFieldMissing).Build();

        var changes = await RecordAsync(store, failure);

        Assert.Equal(2, changes.Count);
        Assert.All(changes, c => Assert.Equal(ErrorOccurrence.New, c.Occurrence));
        Assert.NotEqual(changes[0].Error.Id, changes[1].Error.Id);
        Assert.NotEqual(changes[0].Error.ErrorType, changes[1].Error.ErrorType);
        foreach (var change in changes)
        {
            Assert.Equal(1, (await GetAsync(store, change.Error.Id)).Occurrences);
        }
    }

    [Fact]
    public async Task Should_count_an_event_once_when_it_appears_twice_in_one_batch()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101").Build();
        var occurrences = SyncFailureBuilder.Occurrences(failure).Concat(SyncFailureBuilder.Occurrences(failure)).ToList();

        var change = Assert.Single(await store.Errors.RecordAsync(occurrences, Ct));

        var stored = await GetAsync(store, change.Error.Id);
        Assert.Equal(1, stored.Occurrences);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Should_count_an_event_once_when_it_is_delivered_again_in_a_later_batch()
    {
        await using var store = await StartAsync();
        var failure = SyncFailureBuilder.Contact("101").Build();
        var change = Assert.Single(await RecordAsync(store, failure));

        var redelivered = await RecordAsync(store, failure);

        Assert.Empty(redelivered);
        var stored = await GetAsync(store, change.Error.Id);
        Assert.Equal(1, stored.Occurrences);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Should_return_no_changes_and_change_nothing_when_a_whole_batch_is_redelivered()
    {
        await using var store = await StartAsync();
        var batch = new[]
        {
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).At(T0).Build(),
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0.AddMinutes(1)).Build(),
            SyncFailureBuilder.SalesforceRecord("account", "0015g00000AbCdeAAF").Failing(SalesforceErrors.RequiredFieldMissing).Build(),
        };
        var changes = await RecordAsync(store, batch);
        var before = await ReadAllAsync(store, changes);

        var redelivered = await RecordAsync(store, batch);

        Assert.Equal(4, changes.Count);
        Assert.Empty(redelivered);
        var after = await ReadAllAsync(store, changes);
        Assert.Equal(before.Select(e => (e.Id, e.Version, e.Occurrences, e.LastSeen)), after.Select(e => (e.Id, e.Version, e.Occurrences, e.LastSeen)));
    }

    [Fact]
    public async Task Should_return_no_changes_when_there_is_nothing_to_record()
    {
        await using var store = await StartAsync();

        var changes = await store.Errors.RecordAsync([], Ct);

        Assert.Empty(changes);
    }

    [Fact]
    public async Task Should_reopen_a_resolved_error_when_the_record_fails_after_the_resolution()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101");
        var created = Assert.Single(await RecordAsync(store, contact.At(T0).Build()));
        Assert.Equal(1, await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(1)));

        var reopened = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(2)).Build()));

        Assert.Equal(ErrorOccurrence.Reopened, reopened.Occurrence);
        Assert.Equal(2, reopened.PreviousVersion);
        var stored = await GetAsync(store, created.Error.Id);
        Assert.Equal(SyncErrorState.Open, stored.State);
        Assert.Null(stored.ResolvedAt);
        Assert.Equal(2, stored.Occurrences);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task Should_stay_resolved_when_a_failure_older_than_the_resolution_arrives_late()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101");
        var created = Assert.Single(await RecordAsync(store, contact.At(T0).Build()));
        await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(10));

        var late = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(5)).Build()));

        Assert.NotEqual(ErrorOccurrence.Reopened, late.Occurrence);
        var stored = await GetAsync(store, created.Error.Id);
        Assert.Equal(SyncErrorState.Resolved, stored.State);
        Assert.Equal(T0.AddMinutes(10), stored.ResolvedAt);
        Assert.Empty(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_reopen_a_resync_pending_error_when_the_record_fails_again()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101");
        var created = Assert.Single(await RecordAsync(store, contact.At(T0).Build()));
        Assert.Single(await store.Errors.MarkResyncPendingAsync(Tenant, [created.Error.Id], Ct));

        var failedAgain = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(1)).Build()));

        Assert.Equal(ErrorOccurrence.Recurring, failedAgain.Occurrence);
        Assert.Equal(2, failedAgain.PreviousVersion);
        var stored = await GetAsync(store, created.Error.Id);
        Assert.Equal(SyncErrorState.Open, stored.State);
        Assert.Equal(2, stored.Occurrences);
        Assert.Equal(3, stored.Version);
    }

    [Fact]
    public async Task Should_resolve_current_errors_of_the_record_when_it_synced_by_hubspot_id()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).At(T0).Build());

        var resolved = await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(5));

        Assert.Equal(2, resolved);
        foreach (var error in await ReadAllAsync(store, changes))
        {
            Assert.Equal(SyncErrorState.Resolved, error.State);
            Assert.Equal(T0.AddMinutes(5), error.ResolvedAt);
            Assert.Equal(2, error.Version);
        }
    }

    [Fact]
    public async Task Should_resolve_current_errors_of_the_record_when_it_synced_by_salesforce_id()
    {
        await using var store = await StartAsync();
        var byBothIds = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").At(T0).Build()));
        var bySalesforceIdOnly = Assert.Single(await RecordAsync(store, SyncFailureBuilder.SalesforceRecord("contact", "0035g00000XyZabAAF").At(T0).Build()));

        var resolved = await ResolveAsync(store, "contact", null, "0035g00000XyZabAAF", T0.AddMinutes(5));

        Assert.Equal(2, resolved);
        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, byBothIds.Error.Id)).State);
        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, bySalesforceIdOnly.Error.Id)).State);
    }

    [Fact]
    public async Task Should_resolve_every_record_of_a_batch_in_order_and_count_each_error_once_when_records_synced_together()
    {
        await using var store = await StartAsync();
        var first = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").At(T0).Build()));
        var second = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("102").At(T0).Build()));
        var laterFailure = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("103").At(T0.AddMinutes(10)).Build()));

        var resolved = await store.Errors.ResolveRecordsAsync(
        [
            new RecordResolution(Tenant, "contact", "101", null, T0.AddMinutes(5)),
            new RecordResolution(Tenant, "contact", "102", null, T0.AddMinutes(5)),
            new RecordResolution(Tenant, "contact", "101", null, T0.AddMinutes(6)),
            new RecordResolution(Tenant, "contact", "103", null, T0.AddMinutes(5)),
        ], Ct);

        Assert.Equal(2, resolved);
        Assert.Equal(T0.AddMinutes(5), (await GetAsync(store, first.Error.Id)).ResolvedAt);
        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, second.Error.Id)).State);
        Assert.Equal(SyncErrorState.Open, (await GetAsync(store, laterFailure.Error.Id)).State);
        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
        Assert.Equal(1, card.CurrentErrors);
        Assert.Equal(0, await store.Errors.ResolveRecordsAsync([], Ct));
    }

    [Fact]
    public async Task Should_resolve_only_that_tenant_and_object_type_when_a_record_synced()
    {
        await using var store = await StartAsync();
        var target = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Build()));
        var others = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").As("lead").Build(),
            SyncFailureBuilder.Contact("101").InTenant(OtherTenant).Build(),
            SyncFailureBuilder.Contact("102").Build());

        var resolved = await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(5));

        Assert.Equal(1, resolved);
        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, target.Error.Id)).State);
        foreach (var change in others)
        {
            var other = await store.Errors.GetAsync(change.Error.TenantId, change.Error.Id, Ct);
            Assert.Equal(SyncErrorState.Open, other?.State);
        }
    }

    [Fact]
    public async Task Should_resolve_the_record_when_the_resolution_writes_its_object_type_differently()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").As("Contact").At(T0).Build()));

        var resolved = await ResolveAsync(store, " CONTACT ", "101", null, T0.AddMinutes(5));

        Assert.Equal("contact", change.Error.ObjectType);
        Assert.Equal(1, resolved);
        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, change.Error.Id)).State);
    }

    [Fact]
    public async Task Should_not_resolve_an_error_last_seen_after_the_record_synced()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").At(T0.AddMinutes(5)).Build()));

        var resolved = await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(4));

        Assert.Equal(0, resolved);
        var stored = await GetAsync(store, change.Error.Id);
        Assert.Equal(SyncErrorState.Open, stored.State);
        Assert.Equal(1, stored.Version);
    }

    [Fact]
    public async Task Should_resolve_an_error_when_it_was_last_seen_exactly_when_the_record_synced()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").At(T0).Build()));

        var resolved = await ResolveAsync(store, "contact", "101", null, T0);

        Assert.Equal(1, resolved);
        Assert.Equal(SyncErrorState.Resolved, (await GetAsync(store, change.Error.Id)).State);
    }

    [Fact]
    public async Task Should_resolve_nothing_more_when_the_same_resolution_arrives_again()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").At(T0).Build()));
        Assert.Equal(1, await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(5)));

        var again = await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(5));

        Assert.Equal(0, again);
        var stored = await GetAsync(store, change.Error.Id);
        Assert.Equal(2, stored.Version);
        Assert.Equal(T0.AddMinutes(5), stored.ResolvedAt);
    }

    [Fact]
    public async Task Should_not_match_a_missing_id_when_the_resolution_names_only_the_other_id()
    {
        await using var store = await StartAsync();
        var hubSpotOnly = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Build()));
        var salesforceOnly = Assert.Single(await RecordAsync(store, SyncFailureBuilder.SalesforceRecord("contact", "0035g00000XyZabAAF").Build()));

        var resolved = await ResolveAsync(store, "contact", "999", null, T0.AddMinutes(5))
            + await ResolveAsync(store, "contact", null, "0035g00000ZzZzzAAA", T0.AddMinutes(5));

        Assert.Equal(0, resolved);
        Assert.Equal(SyncErrorState.Open, (await GetAsync(store, hubSpotOnly.Error.Id)).State);
        Assert.Equal(SyncErrorState.Open, (await GetAsync(store, salesforceOnly.Error.Id)).State);
    }

    [Fact]
    public async Task Should_count_current_errors_and_distinct_affected_records_per_error_type()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).As("lead").Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.RequiredFieldMissing).Build());
        var duplicate = changes[0].Error;
        var required = changes[3].Error;

        var cards = await store.Errors.GetErrorCardsAsync(Tenant, Ct);

        Assert.Equal(
            [new ErrorCard(duplicate.Category, duplicate.ErrorType, 3, 2), new ErrorCard(required.Category, required.ErrorType, 1, 1)],
            cards);
    }

    [Fact]
    public async Task Should_count_one_affected_record_when_a_hubspot_contact_fails_as_lead_and_as_contact()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").As("lead").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("101").As("contact").Failing(SalesforceErrors.InvalidEmail).Build());

        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(2, changes.Select(c => c.Error.Id).Distinct().Count());
        Assert.Equal(2, card.CurrentErrors);
        Assert.Equal(1, card.AffectedRecords);
    }

    [Fact]
    public async Task Should_leave_transient_errors_out_when_the_cards_are_counted()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.RowLock).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).Build());
        Assert.Equal("transient", changes[0].Error.Category);

        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(changes[1].Error.ErrorType, card.ErrorType);
    }

    [Fact]
    public async Task Should_leave_resolved_errors_out_when_the_cards_are_counted()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).At(T0).Build());
        await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(1));

        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(new ErrorCard(changes[1].Error.Category, changes[1].Error.ErrorType, 1, 1), card);
    }

    [Fact]
    public async Task Should_order_the_cards_by_impact_when_several_error_types_are_current()
    {
        await using var store = await StartAsync();
        await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.RequiredFieldMissing).Build(),
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("101").As("lead").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).Build());

        var cards = await store.Errors.GetErrorCardsAsync(Tenant, Ct);

        Assert.Equal([(3L, 3L), (3L, 2L), (1L, 1L)], cards.Select(c => (c.CurrentErrors, c.AffectedRecords)));
        Assert.Equal(ErrorCardOrder.ByImpact(cards), cards);
    }

    [Fact]
    public async Task Should_show_only_errors_of_that_tenant_when_its_cards_are_counted()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("101").InTenant(OtherTenant).Failing(SalesforceErrors.DuplicateRule).Build(),
            SyncFailureBuilder.Contact("102").InTenant(OtherTenant).Failing(SalesforceErrors.InvalidEmail).Build());

        var card = Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));

        Assert.Equal(new ErrorCard(changes[0].Error.Category, changes[0].Error.ErrorType, 1, 1), card);
        Assert.Empty(await store.Errors.GetErrorCardsAsync("portal-unknown", Ct));
    }

    [Fact]
    public async Task Should_keep_tenants_apart_when_their_ids_differ_only_in_case()
    {
        await using var store = await StartAsync();
        var upperCaseTenant = Tenant.ToUpperInvariant();
        await RecordAsync(store, SyncFailureBuilder.Contact("101").Build());
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);

        var cards = await store.Errors.GetErrorCardsAsync(upperCaseTenant, Ct);
        var usage = await store.Usage.GetUsageAsync(upperCaseTenant, Ct);

        Assert.Empty(cards);
        Assert.Null(usage);
    }

    [Fact]
    public async Task Should_return_null_when_an_error_id_of_another_tenant_is_asked_for()
    {
        await using var store = await StartAsync();
        var change = Assert.Single(await RecordAsync(store, SyncFailureBuilder.Contact("101").Build()));

        var fromOtherTenant = await store.Errors.GetAsync(OtherTenant, change.Error.Id, Ct);
        var unknown = await store.Errors.GetAsync(Tenant, "000000000000000000000000", Ct);

        Assert.Null(fromOtherTenant);
        Assert.Null(unknown);
        Assert.NotNull(await store.Errors.GetAsync(Tenant, change.Error.Id, Ct));
    }

    [Fact]
    public async Task Should_count_every_occurrence_when_twenty_callers_record_the_same_error_at_once()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule);
        var batches = Enumerable.Range(0, 20).Select(i => contact.At(T0.AddSeconds(i)).BuildOccurrences()).ToList();

        var results = await Task.WhenAll(batches.Select(batch => Task.Run(() => store.Errors.RecordAsync(batch, Ct), Ct)));

        var changes = results.SelectMany(r => r).ToList();
        Assert.Equal(20, changes.Count);
        Assert.Single(changes, c => c.Occurrence == ErrorOccurrence.New);
        Assert.Equal(Enumerable.Range(0, 20).Select(v => (long)v), changes.Select(c => c.PreviousVersion).Order());
        var stored = await GetAsync(store, changes[0].Error.Id);
        Assert.Equal(20, stored.Occurrences);
        Assert.Equal(20, stored.Version);
        Assert.Equal(T0.AddSeconds(19), stored.LastSeen);
    }

    [Fact]
    public async Task Should_keep_the_newest_usage_when_reports_arrive_out_of_order()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);
        await store.Usage.SaveUsageAsync(Tenant, 4_800, 15_000, T0.AddHours(1), Ct);

        await store.Usage.SaveUsageAsync(Tenant, 900, 10_000, T0.AddMinutes(30), Ct);

        Assert.Equal(new ApiUsage(Tenant, 4_800, 15_000, null, T0.AddHours(1)), await store.Usage.GetUsageAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_keep_usage_apart_when_two_tenants_report()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);
        await store.Usage.SaveUsageAsync(OtherTenant, 300, 5_000, T0.AddHours(2), Ct);

        var usage = await store.Usage.GetUsageAsync(Tenant, Ct);

        Assert.Equal(new ApiUsage(Tenant, 1_200, 15_000, null, T0), usage);
    }

    [Fact]
    public async Task Should_return_no_usage_when_the_tenant_never_reported()
    {
        await using var store = await StartAsync();
        await store.Usage.SaveUsageAsync(Tenant, 1_200, 15_000, T0, Ct);

        Assert.Null(await store.Usage.GetUsageAsync("portal-unknown", Ct));
    }

    [Fact]
    public async Task Should_answer_a_ping_when_the_store_is_initialised()
    {
        await using var store = await StartAsync();

        var ping = await Record.ExceptionAsync(() => store.Lifecycle.PingAsync(Ct));

        Assert.Null(ping);
    }

    [Fact]
    public async Task Should_keep_data_and_keep_working_when_initialised_twice()
    {
        await using var store = await StartAsync();
        var contact = SyncFailureBuilder.Contact("101");
        var created = Assert.Single(await RecordAsync(store, contact.At(T0).Build()));

        await store.Lifecycle.InitializeAsync(Ct);

        var repeated = Assert.Single(await RecordAsync(store, contact.At(T0.AddMinutes(1)).Build()));
        Assert.Equal(created.Error.Id, repeated.Error.Id);
        Assert.Equal(2, (await GetAsync(store, created.Error.Id)).Occurrences);
        Assert.Single(await store.Errors.GetErrorCardsAsync(Tenant, Ct));
    }

    private async Task<StoreUnderTest> StartAsync()
    {
        var store = await CreateStoreAsync();
        try
        {
            await store.Lifecycle.InitializeAsync(Ct);
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    private static Task<IReadOnlyList<SyncErrorChange>> RecordAsync(StoreUnderTest store, params SyncFailureReported[] failures) =>
        store.Errors.RecordAsync(failures.SelectMany(SyncFailureBuilder.Occurrences).ToList(), Ct);

    private static Task<int> ResolveAsync(StoreUnderTest store, string objectType, string? hubSpotId, string? salesforceId, DateTimeOffset syncedAt) =>
        store.Errors.ResolveRecordsAsync([new RecordResolution(Tenant, objectType, hubSpotId, salesforceId, syncedAt)], Ct);

    private static async Task<SyncError> GetAsync(StoreUnderTest store, string errorId)
    {
        var error = await store.Errors.GetAsync(Tenant, errorId, Ct);
        Assert.NotNull(error);
        return error;
    }

    private static async Task<IReadOnlyList<SyncError>> ReadAllAsync(StoreUnderTest store, IEnumerable<SyncErrorChange> changes)
    {
        var errors = new List<SyncError>();
        foreach (var id in changes.Select(c => c.Error.Id).Distinct())
        {
            errors.Add(await GetAsync(store, id));
        }

        return errors;
    }

    private static void AssertSameError(SyncError expected, SyncError actual)
    {
        Assert.Equal(WithoutLists(expected), WithoutLists(actual));
        Assert.Equal(expected.Fields, actual.Fields);
        Assert.Equal(expected.RecentEventIds, actual.RecentEventIds);
        Assert.Equal(expected.History, actual.History);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(
            expected.RawErrors.Select(e => JsonSerializer.Serialize(e, ContractJson.Options)),
            actual.RawErrors.Select(e => JsonSerializer.Serialize(e, ContractJson.Options)));
    }

    // Records compare lists by reference: the lists are compared one by one above, the rest here.
    private static SyncError WithoutLists(SyncError error) =>
        error with { Fields = NoStrings, RecentEventIds = NoStrings, RawErrors = NoReportedErrors, History = NoEntries, Notes = NoNotes };
}

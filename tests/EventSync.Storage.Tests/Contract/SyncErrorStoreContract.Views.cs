using EventSync.Core.Errors;
using EventSync.Core.Views;

namespace EventSync.Storage.Tests.Contract;

// The IViewStore and IAffectedRecordQueries parts of the store contract: temporary views of affected records.
public abstract partial class SyncErrorStoreContract
{
    private static readonly TimeSpan ViewLifetime = TimeSpan.FromHours(24);

    [Fact]
    public async Task Should_read_back_the_view_and_its_filter_when_it_was_saved()
    {
        await using var store = await StartAsync();
        var view = View("view-1", Tenant) with
        {
            Filter = new ErrorQuery(Tenant)
            {
                ErrorType = "duplicate-rule",
                Category = "duplicates",
                State = SyncErrorState.ResyncPending,
                ObjectType = "contact",
                SeenFrom = T0.AddDays(-7),
                SeenTo = T0,
                Text = "Use one",
            },
        };

        await store.Views.SaveAsync(view, Ct);

        Assert.Equal(view, await store.Views.GetAsync(Tenant, "view-1", T0.AddHours(1), Ct));
    }

    [Fact]
    public async Task Should_read_back_the_assignee_filters_when_views_of_someones_and_nobodys_errors_were_saved()
    {
        await using var store = await StartAsync();
        var annas = View("view-anna", Tenant) with { Filter = new ErrorQuery(Tenant) { Assignee = "anna@example.com" } };
        var nobodys = View("view-nobody", Tenant) with { Filter = new ErrorQuery(Tenant) { Unassigned = true } };

        await store.Views.SaveAsync(annas, Ct);
        await store.Views.SaveAsync(nobodys, Ct);

        Assert.Equal(annas, await store.Views.GetAsync(Tenant, "view-anna", T0.AddHours(1), Ct));
        Assert.Equal(nobodys, await store.Views.GetAsync(Tenant, "view-nobody", T0.AddHours(1), Ct));
    }

    [Fact]
    public async Task Should_return_no_view_when_it_has_expired()
    {
        await using var store = await StartAsync();
        var view = View("view-1", Tenant);
        await store.Views.SaveAsync(view, Ct);

        Assert.NotNull(await store.Views.GetAsync(Tenant, "view-1", view.ExpiresAt.AddMilliseconds(-1), Ct));
        Assert.Null(await store.Views.GetAsync(Tenant, "view-1", view.ExpiresAt, Ct));
        Assert.Null(await store.Views.GetAsync(Tenant, "view-1", view.ExpiresAt.AddHours(1), Ct));
    }

    [Fact]
    public async Task Should_return_no_view_when_another_tenant_asks_for_it()
    {
        await using var store = await StartAsync();
        await store.Views.SaveAsync(View("view-1", Tenant), Ct);

        Assert.Null(await store.Views.GetAsync(OtherTenant, "view-1", T0, Ct));
        Assert.Null(await store.Views.GetAsync(Tenant, "view-unknown", T0, Ct));
    }

    [Fact]
    public async Task Should_list_a_record_once_with_every_error_type_when_it_has_two_current_errors()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.RequiredFieldMissing).Build());

        var records = await AffectedRecordsAsync(store, new ErrorQuery(Tenant));

        Assert.Equal(
            [
                $"contact|101|0035g00000XyZabAAF|{string.Join(',', new[] { changes[0].Error.ErrorType, changes[1].Error.ErrorType }.Order(StringComparer.Ordinal))}",
                $"contact|102||{changes[2].Error.ErrorType}",
            ],
            records);
    }

    [Fact]
    public async Task Should_leave_resolved_errors_out_and_keep_resync_pending_ones_when_affected_records_are_listed()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").At(T0).Build(),
            SyncFailureBuilder.Contact("102").At(T0).Build(),
            SyncFailureBuilder.Contact("103").At(T0).Build());
        await ResolveAsync(store, "contact", "102", null, T0.AddMinutes(1));
        await store.Errors.MarkResyncPendingAsync(Tenant, [changes[2].Error.Id], Ct);

        var all = await AffectedRecordsAsync(store, new ErrorQuery(Tenant));
        var resolved = await AffectedRecordsAsync(store, new ErrorQuery(Tenant) { State = SyncErrorState.Resolved });
        var pending = await AffectedRecordsAsync(store, new ErrorQuery(Tenant) { State = SyncErrorState.ResyncPending });

        var type = changes[0].Error.ErrorType;
        Assert.Equal([$"contact|101||{type}", $"contact|103||{type}"], all);
        Assert.Empty(resolved);
        Assert.Equal([$"contact|103||{type}"], pending);
    }

    [Fact]
    public async Task Should_list_only_records_with_that_error_type_when_an_error_type_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(SalesforceErrors.DuplicateRule, SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("102").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.Contact("103").Failing(SalesforceErrors.DuplicateRule).Build());
        var duplicate = changes[0].Error.ErrorType;

        var records = await AffectedRecordsAsync(store, new ErrorQuery(Tenant) { ErrorType = duplicate });

        Assert.Equal([$"contact|101||{duplicate}", $"contact|103||{duplicate}"], records);
    }

    [Fact]
    public async Task Should_list_one_record_when_a_hubspot_contact_fails_as_lead_and_as_contact()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").As("lead").Build(),
            SyncFailureBuilder.Contact("101", "0035g00000XyZabAAF").Failing(SalesforceErrors.InvalidEmail).Build(),
            SyncFailureBuilder.SalesforceRecord("account", "0015g00000AbCdeAAF").Build());

        var records = await AffectedRecordsAsync(store, new ErrorQuery(Tenant));

        var types = string.Join(',', new[] { changes[0].Error.ErrorType, changes[1].Error.ErrorType }.Order(StringComparer.Ordinal));
        Assert.Equal([$"contact|101|0035g00000XyZabAAF|{types}", $"account||0015g00000AbCdeAAF|{changes[2].Error.ErrorType}"], records);
    }

    [Fact]
    public async Task Should_list_only_that_tenants_records_when_affected_records_are_listed()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Build(),
            SyncFailureBuilder.Contact("102").InTenant(OtherTenant).Build());

        var records = await AffectedRecordsAsync(store, new ErrorQuery(Tenant));
        var others = await AffectedRecordsAsync(store, new ErrorQuery(OtherTenant));

        Assert.Equal([$"contact|101||{changes[0].Error.ErrorType}"], records);
        Assert.Equal([$"contact|102||{changes[1].Error.ErrorType}"], others);
    }

    private static AffectedRecordsView View(string id, string tenantId) =>
        new(id, tenantId, new ErrorQuery(tenantId) { ErrorType = "duplicate-rule" }, T0, T0.Add(ViewLifetime));

    // objectType|hubSpotId|salesforceId|errorType,errorType: a record as one comparable string, in the order listed.
    private static async Task<List<string>> AffectedRecordsAsync(StoreUnderTest store, ErrorQuery query)
    {
        var records = new List<string>();
        await foreach (var record in store.AffectedRecords.AffectedRecordsAsync(query, Ct))
        {
            records.Add($"{record.ObjectType}|{record.HubSpotId}|{record.SalesforceId}|{string.Join(',', record.ErrorTypes)}");
        }

        return records;
    }
}

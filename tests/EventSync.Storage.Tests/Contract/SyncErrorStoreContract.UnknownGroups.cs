using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Storage.Tests.Contract;

// The IUnknownErrorGroupQueries part of the store contract, and the fingerprint filter that lists one group.
public abstract partial class SyncErrorStoreContract
{
    private static readonly ReportedError MysteryOn101 = new() { StatusCode = "WEIRD_THING", Message = "Something odd happened to record 101" };
    private static readonly ReportedError MysteryOn102 = new() { StatusCode = "WEIRD_THING", Message = "Something odd happened to record 102" };
    private static readonly ReportedError OtherMystery = new() { Message = "The engine cannot reach its own queue" };

    [Fact]
    public async Task Should_group_current_unknown_errors_by_fingerprint_largest_first_with_the_last_seen_as_sample()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(MysteryOn101).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(MysteryOn102).At(T0.AddMinutes(1)).Build(),
            SyncFailureBuilder.Contact("103").Failing(OtherMystery).At(T0.AddMinutes(2)).Build(),
            SyncFailureBuilder.Contact("104").Failing(SalesforceErrors.DuplicateRule).At(T0).Build());
        Assert.All(changes.Take(3), c => Assert.Equal(ErrorCatalog.UnknownType, c.Error.ErrorType));
        Assert.Equal(changes[0].Error.Fingerprint, changes[1].Error.Fingerprint);

        var groups = await store.UnknownGroups.GetUnknownGroupsAsync(Tenant, 10, Ct);

        Assert.Equal(2, groups.Count);
        Assert.Equal(new UnknownErrorGroup(changes[0].Error.Fingerprint, 2, 2, "WEIRD_THING", MysteryOn102.Message, T0.AddMinutes(1)), groups[0]);
        Assert.Equal(new UnknownErrorGroup(changes[2].Error.Fingerprint, 1, 1, null, OtherMystery.Message, T0.AddMinutes(2)), groups[1]);
    }

    [Fact]
    public async Task Should_leave_resolved_errors_and_other_tenants_out_of_the_unknown_groups()
    {
        await using var store = await StartAsync();
        await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(MysteryOn101).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(MysteryOn102).At(T0).Build(),
            SyncFailureBuilder.Contact("103").Failing(MysteryOn101).InTenant(OtherTenant).At(T0).Build());
        await ResolveAsync(store, "contact", "101", null, T0.AddMinutes(1));

        var group = Assert.Single(await store.UnknownGroups.GetUnknownGroupsAsync(Tenant, 10, Ct));

        Assert.Equal(1, group.CurrentErrors);
        Assert.Equal(MysteryOn102.Message, group.SampleMessage);
    }

    [Fact]
    public async Task Should_return_at_most_the_limit_of_unknown_groups()
    {
        await using var store = await StartAsync();
        await RecordAsync(store, Enumerable.Range(0, 5)
            .Select(i => SyncFailureBuilder.Contact($"10{i}").Failing(new ReportedError { Message = $"Distinct problem {(char)('a' + i)}{(char)('a' + i)}" }).At(T0).Build())
            .ToArray());

        var groups = await store.UnknownGroups.GetUnknownGroupsAsync(Tenant, 3, Ct);

        Assert.Equal(3, groups.Count);
        Assert.Equal(groups.Select(g => g.Fingerprint).Order(StringComparer.Ordinal), groups.Select(g => g.Fingerprint));
    }

    [Fact]
    public async Task Should_list_only_the_group_when_a_fingerprint_is_given()
    {
        await using var store = await StartAsync();
        var changes = await RecordAsync(store,
            SyncFailureBuilder.Contact("101").Failing(MysteryOn101).At(T0).Build(),
            SyncFailureBuilder.Contact("102").Failing(MysteryOn102).At(T0).Build(),
            SyncFailureBuilder.Contact("103").Failing(OtherMystery).At(T0).Build());

        var listed = await ListIdsAsync(store, new ErrorQuery(Tenant) { Fingerprint = changes[0].Error.Fingerprint });
        var streamed = await StreamIdsAsync(store, new ErrorQuery(Tenant) { Fingerprint = changes[2].Error.Fingerprint });

        Assert.Equal(Ids(changes[0], changes[1]).Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(Ids(changes[2]), streamed);
    }
}

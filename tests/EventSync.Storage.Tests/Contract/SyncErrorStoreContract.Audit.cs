using EventSync.Core.Audit;

namespace EventSync.Storage.Tests.Contract;

// The audit trail part of the store contract: entries appended once, listed per tenant newest first in keyset pages,
// filtered by action and by principal, their JSON values read back as written.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_list_the_tenants_entries_newest_first_in_pages_with_their_values_when_entries_were_appended()
    {
        await using var store = await StartAsync();
        var allocation = Entry(T0, "olga", AuditActions.AllocationChanged, null, """{"allocatedToHubSpot":null}""", """{"allocatedToHubSpot":5000}""");
        var resync = Entry(T0.AddMinutes(1), "sync-engine", AuditActions.Resync, """{"requestId":"r-1","errorIds":["e1","e2"]}""", null, null);
        var sameInstant = Entry(T0.AddMinutes(1), "olga", AuditActions.ViewCreated, """{"viewId":"v-1"}""", null, """{"objectType":"contact"}""");
        var newest = Entry(T0.AddMinutes(2), "olga", AuditActions.RecordLinksChanged, null, """{"hubSpotPortalId":null}""", """{"hubSpotPortalId":"4712"}""");
        foreach (var entry in new[] { resync, newest, allocation, sameInstant, Entry(T0.AddMinutes(3), "olga", AuditActions.Resync, null, null, null) with { TenantId = OtherTenant } })
        {
            await store.Audit.AppendAsync(entry, Ct);
        }

        var first = await store.Audit.ListAsync(new AuditQuery(Tenant), null, 3, Ct);
        var second = await store.Audit.ListAsync(new AuditQuery(Tenant), first.Next, 3, Ct);

        var expectedOrder = new[] { newest, Later(resync, sameInstant), Earlier(resync, sameInstant), allocation }.Select(e => e.Id);
        Assert.Equal(expectedOrder, first.Entries.Concat(second.Entries).Select(e => e.Id));
        Assert.NotNull(first.Next);
        Assert.Null(second.Next);
        AssertSameEntry(allocation, Assert.Single(second.Entries));
        AssertSameEntry(resync, Assert.Single(first.Entries, e => e.Id == resync.Id));
    }

    [Fact]
    public async Task Should_list_only_one_actions_or_one_principals_entries_when_the_query_names_them()
    {
        await using var store = await StartAsync();
        var entries = new[]
        {
            Entry(T0, "olga", AuditActions.Resync, null, null, null),
            Entry(T0.AddSeconds(1), "rita", AuditActions.Resync, null, null, null),
            Entry(T0.AddSeconds(2), "olga", AuditActions.ViewCreated, null, null, null),
            Entry(T0.AddSeconds(3), "olga", AuditActions.Resync, null, null, null),
        };
        foreach (var entry in entries)
        {
            await store.Audit.AppendAsync(entry, Ct);
        }

        var olgasResyncs = await store.Audit.ListAsync(new AuditQuery(Tenant, AuditActions.Resync, "olga"), null, 1, Ct);
        var olgasSecond = await store.Audit.ListAsync(new AuditQuery(Tenant, AuditActions.Resync, "olga"), olgasResyncs.Next, 1, Ct);
        var views = await store.Audit.ListAsync(new AuditQuery(Tenant, AuditActions.ViewCreated), null, 10, Ct);
        var ritas = await store.Audit.ListAsync(new AuditQuery(Tenant, Principal: "rita"), null, 10, Ct);

        Assert.Equal([entries[3].Id, entries[0].Id], olgasResyncs.Entries.Concat(olgasSecond.Entries).Select(e => e.Id));
        Assert.Null(olgasSecond.Next);
        Assert.Equal(entries[2].Id, Assert.Single(views.Entries).Id);
        Assert.Equal(entries[1].Id, Assert.Single(ritas.Entries).Id);
    }

    [Fact]
    public async Task Should_keep_one_entry_when_the_same_entry_is_appended_twice()
    {
        await using var store = await StartAsync();
        var entry = Entry(T0, "olga", AuditActions.Resync, """{"requestId":"r-1"}""", null, null);

        await store.Audit.AppendAsync(entry, Ct);
        await store.Audit.AppendAsync(entry, Ct);

        AssertSameEntry(entry, Assert.Single((await store.Audit.ListAsync(new AuditQuery(Tenant), null, 10, Ct)).Entries));
    }

    private static AuditEntry Entry(DateTimeOffset at, string principal, string action, string? subject, string? before, string? after) =>
        AuditEntry.Create(Tenant, at, principal, action, AuditJson.FromText(subject), AuditJson.FromText(before), AuditJson.FromText(after));

    private static AuditEntry Later(AuditEntry a, AuditEntry b) => string.CompareOrdinal(a.Id, b.Id) > 0 ? a : b;

    private static AuditEntry Earlier(AuditEntry a, AuditEntry b) => string.CompareOrdinal(a.Id, b.Id) > 0 ? b : a;

    private static void AssertSameEntry(AuditEntry expected, AuditEntry actual)
    {
        Assert.Equal((expected.Id, expected.TenantId, expected.At, expected.Principal, expected.Action), (actual.Id, actual.TenantId, actual.At, actual.Principal, actual.Action));
        Assert.Equal(AuditJson.ToText(expected.Subject), AuditJson.ToText(actual.Subject));
        Assert.Equal(AuditJson.ToText(expected.Before), AuditJson.ToText(actual.Before));
        Assert.Equal(AuditJson.ToText(expected.After), AuditJson.ToText(actual.After));
    }
}

using EventSync.Core.Audit;
using EventSync.Storage.MongoDb.Documents;
using EventSync.Storage.MongoDb.Queries;

namespace EventSync.Storage.Tests.MongoDb;

// audit_entries: the keyset filter after a cursor, the filters by action and principal, and the TTL index on the time.
public sealed partial class MongoQueryRenderingTests
{
    [Fact]
    public void Should_select_the_tenants_entries_after_the_cursor_with_the_action_and_principal_asked_for()
    {
        var at = new DateTimeOffset(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);

        AssertBson("{ tenantId: 'portal-4711' }", Render(AuditQueries.Selecting(new AuditQuery("portal-4711"), null)));
        AssertBson(
            "{ tenantId: 'portal-4711', action: 'resync', principal: 'olga', $or: [{ at: { $lt: ISODate('2026-12-07T10:00:00Z') } }, { at: ISODate('2026-12-07T10:00:00Z'), _id: { $lt: 'e9' } }] }",
            Render(AuditQueries.Selecting(new AuditQuery("portal-4711", AuditActions.Resync, "olga"), new AuditPageCursor(at, "e9"))));
        AssertBson("{ at: -1, _id: -1 }", AuditQueries.NewestFirst.Render(Args<AuditEntryDocument>()));
    }

    [Fact]
    public void Should_expire_an_entry_after_the_retention_by_a_ttl_index_on_its_time()
    {
        var index = AuditQueries.ExpiryIndex(TimeSpan.FromDays(400));

        AssertBson("{ at: 1 }", index.Keys.Render(Args<AuditEntryDocument>()));
        Assert.Equal((AuditQueries.ExpiryIndexName, TimeSpan.FromDays(400)), (index.Options.Name, index.Options.ExpireAfter));
        Assert.All(AuditQueries.Indexes(), i => Assert.StartsWith("{ \"tenantId\" : 1", i.Keys.Render(Args<AuditEntryDocument>()).ToString(), StringComparison.Ordinal));
    }
}

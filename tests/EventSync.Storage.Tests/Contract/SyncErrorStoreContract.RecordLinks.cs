using EventSync.Core.Links;

namespace EventSync.Storage.Tests.Contract;

// The record link settings part of the store contract: one per tenant, none until saved, replaced whole.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_keep_each_tenants_record_link_settings_apart_and_replace_them_whole_when_saved_again()
    {
        await using var store = await StartAsync();
        Assert.Equal(RecordLinkSettings.None(Tenant), await store.RecordLinks.GetAsync(Tenant, Ct));

        await store.RecordLinks.SaveAsync(new RecordLinkSettings(Tenant, "4712", "https://app-eu1.hubspot.com", "https://acme.my.salesforce.com"), Ct);
        await store.RecordLinks.SaveAsync(new RecordLinkSettings(OtherTenant, "9000", null, null), Ct);
        await store.RecordLinks.SaveAsync(new RecordLinkSettings(Tenant, "4712", null, "https://acme.my.salesforce.com"), Ct);

        Assert.Equal(new RecordLinkSettings(Tenant, "4712", null, "https://acme.my.salesforce.com"), await store.RecordLinks.GetAsync(Tenant, Ct));
        Assert.Equal(new RecordLinkSettings(OtherTenant, "9000", null, null), await store.RecordLinks.GetAsync(OtherTenant, Ct));
    }
}

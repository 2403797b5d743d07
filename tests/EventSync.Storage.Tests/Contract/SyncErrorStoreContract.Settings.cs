using EventSync.Contracts;
using EventSync.Core.Notifications;

namespace EventSync.Storage.Tests.Contract;

// The INotificationSettingsStore part of the store contract.
public abstract partial class SyncErrorStoreContract
{
    [Fact]
    public async Task Should_read_back_every_setting_when_notification_settings_were_saved()
    {
        await using var store = await StartAsync();
        var settings = Settings(Tenant, enabled: true, DigestFrequency.Weekly) with
        {
            Recipients = ["ops@example.com", "jan.kowalski@example.pl"],
            TimeZone = "Europe/Warsaw",
            Language = "pl",
        };

        await store.Settings.SaveAsync(settings, Ct);

        AssertSameSettings(settings, await store.Settings.GetAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_replace_the_settings_when_a_tenant_saves_again()
    {
        await using var store = await StartAsync();
        await store.Settings.SaveAsync(Settings(Tenant, enabled: true, DigestFrequency.Daily), Ct);
        var changed = Settings(Tenant, enabled: false, DigestFrequency.Immediate) with { Recipients = ["new@example.com"] };

        await store.Settings.SaveAsync(changed, Ct);

        AssertSameSettings(changed, await store.Settings.GetAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_return_no_settings_when_the_tenant_never_saved_any()
    {
        await using var store = await StartAsync();
        await store.Settings.SaveAsync(Settings(OtherTenant, enabled: true, DigestFrequency.Daily), Ct);

        Assert.Null(await store.Settings.GetAsync(Tenant, Ct));
    }

    [Fact]
    public async Task Should_list_only_enabled_tenants_of_that_frequency_ordered_by_tenant_when_a_digest_is_due()
    {
        await using var store = await StartAsync();
        await store.Settings.SaveAsync(Settings("portal-3", enabled: true, DigestFrequency.Daily), Ct);
        await store.Settings.SaveAsync(Settings("portal-1", enabled: true, DigestFrequency.Daily), Ct);
        await store.Settings.SaveAsync(Settings("portal-2", enabled: false, DigestFrequency.Daily), Ct);
        await store.Settings.SaveAsync(Settings("portal-4", enabled: true, DigestFrequency.Weekly), Ct);

        var daily = await store.Settings.ListEnabledAsync(DigestFrequency.Daily, Ct);
        var weekly = await store.Settings.ListEnabledAsync(DigestFrequency.Weekly, Ct);
        var immediate = await store.Settings.ListEnabledAsync(DigestFrequency.Immediate, Ct);

        Assert.Equal(["portal-1", "portal-3"], daily.Select(s => s.TenantId));
        Assert.Equal("portal-4", Assert.Single(weekly).TenantId);
        Assert.Empty(immediate);
    }

    [Fact]
    public async Task Should_stop_listing_a_tenant_when_it_switches_to_another_frequency()
    {
        await using var store = await StartAsync();
        await store.Settings.SaveAsync(Settings(Tenant, enabled: true, DigestFrequency.Daily), Ct);

        await store.Settings.SaveAsync(Settings(Tenant, enabled: true, DigestFrequency.Weekly), Ct);

        Assert.Empty(await store.Settings.ListEnabledAsync(DigestFrequency.Daily, Ct));
        AssertSameSettings(Settings(Tenant, enabled: true, DigestFrequency.Weekly), Assert.Single(await store.Settings.ListEnabledAsync(DigestFrequency.Weekly, Ct)));
    }

    private static NotificationSettings Settings(string tenantId, bool enabled, DigestFrequency frequency) =>
        new(tenantId, enabled, frequency, ["ops@example.com"], "Europe/Berlin", "en");

    // Records compare lists by reference: the recipients are compared on their own.
    private static void AssertSameSettings(NotificationSettings expected, NotificationSettings? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected with { Recipients = NoStrings }, actual with { Recipients = NoStrings });
        Assert.Equal(expected.Recipients, actual.Recipients);
    }
}

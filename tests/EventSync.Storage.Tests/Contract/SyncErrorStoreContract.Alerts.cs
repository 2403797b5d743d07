using EventSync.Core.Notifications;

namespace EventSync.Storage.Tests.Contract;

// The IAlertWindowStore part of the store contract: one open window per tenant, claimed once it closed, never lost.
public abstract partial class SyncErrorStoreContract
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan SendLease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Should_open_one_window_and_add_to_it_when_alerts_of_a_tenant_arrive_together()
    {
        await using var store = await StartAsync();

        var appended = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => store.AlertWindows.AppendAlertAsync(Tenant, Alert(i), T0.AddSeconds(i), Window, Ct)));

        Assert.Single(appended.Select(a => a.WindowId).Distinct());
        Assert.Single(appended, a => a.Opened);
        Assert.All(appended, a => Assert.Equal(appended.Single(o => o.Opened).ClosesAt, a.ClosesAt));
    }

    [Fact]
    public async Task Should_count_every_alert_and_keep_the_first_ones_when_a_window_is_claimed()
    {
        await using var store = await StartAsync();
        foreach (var i in Enumerable.Range(0, AlertWindow.MaxEntries + 10))
        {
            await store.AlertWindows.AppendAlertAsync(Tenant, Alert(i, i % 3 == 0 ? "salesforce-duplicate-rule" : "invalid-email"), T0, Window, Ct);
        }

        var window = await store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window, "sender-a", SendLease, Ct);

        Assert.NotNull(window);
        Assert.Equal((Tenant, T0, T0 + Window, AlertWindow.MaxEntries + 10L), (window.TenantId, window.OpenedAt, window.ClosesAt, window.Total));
        Assert.Equal(20, window.CountsByErrorType["salesforce-duplicate-rule"]);
        Assert.Equal(40, window.CountsByErrorType["invalid-email"]);
        Assert.Equal(AlertWindow.MaxEntries, window.Entries.Count);
        Assert.Equal(Alert(0, "salesforce-duplicate-rule"), window.Entries[0]);
    }

    [Fact]
    public async Task Should_claim_nothing_when_no_window_has_closed()
    {
        await using var store = await StartAsync();
        await store.AlertWindows.AppendAlertAsync(Tenant, Alert(1), T0, Window, Ct);

        Assert.Null(await store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window - TimeSpan.FromSeconds(1), "sender-a", SendLease, Ct));
    }

    [Fact]
    public async Task Should_give_a_closed_window_to_one_sender_and_open_a_new_one_for_later_alerts()
    {
        await using var store = await StartAsync();
        var first = await store.AlertWindows.AppendAlertAsync(Tenant, Alert(1), T0, Window, Ct);

        var claims = await Task.WhenAll(
            store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window, "sender-a", SendLease, Ct),
            store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window, "sender-b", SendLease, Ct));
        var later = await store.AlertWindows.AppendAlertAsync(Tenant, Alert(2), T0 + Window, Window, Ct);

        Assert.Equal(first.WindowId, Assert.Single(claims, c => c is not null)!.Id);
        Assert.True(later.Opened);
        Assert.NotEqual(first.WindowId, later.WindowId);
    }

    [Fact]
    public async Task Should_hand_the_window_to_another_sender_when_the_first_one_never_completed_it()
    {
        await using var store = await StartAsync();
        await store.AlertWindows.AppendAlertAsync(Tenant, Alert(1), T0, Window, Ct);
        var claimed = await store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window, "sender-a", SendLease, Ct);

        Assert.Null(await store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window + SendLease - TimeSpan.FromSeconds(1), "sender-b", SendLease, Ct));
        var retaken = await store.AlertWindows.ClaimDueAlertWindowAsync(T0 + Window + SendLease, "sender-b", SendLease, Ct);

        Assert.Equal(claimed?.Id, retaken?.Id);
        Assert.False(await store.AlertWindows.CompleteAlertWindowAsync(claimed!.Id, "sender-a", Ct));
        Assert.True(await store.AlertWindows.CompleteAlertWindowAsync(claimed.Id, "sender-b", Ct));
        Assert.Null(await store.AlertWindows.ClaimDueAlertWindowAsync(T0.AddDays(1), "sender-c", SendLease, Ct));
    }

    [Fact]
    public async Task Should_keep_tenants_in_windows_of_their_own()
    {
        await using var store = await StartAsync();

        var mine = await store.AlertWindows.AppendAlertAsync(Tenant, Alert(1), T0, Window, Ct);
        var theirs = await store.AlertWindows.AppendAlertAsync(OtherTenant, Alert(2), T0, Window, Ct);

        Assert.True(mine.Opened && theirs.Opened);
        Assert.NotEqual(mine.WindowId, theirs.WindowId);
    }

    private static AlertEntry Alert(int i, string errorType = "invalid-email") =>
        new($"err-{i}", "property-values", errorType, "contact", $"{1000 + i}", null, "new", T0);
}

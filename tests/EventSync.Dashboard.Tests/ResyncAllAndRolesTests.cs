using System.Text.RegularExpressions;
using EventSync.Core.Usage;
using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>
/// Past 100: a card of 250 errors is resynced whole with "Resync all matching", after a confirmation, in requests of 100,
/// whose progress the page then follows together.
/// A reader's key sees the same page without the actions its role may not take.
/// </summary>
public sealed class ResyncAllAndRolesTests
{
    private const string Tenant = "acme-eu";
    private const int CardSize = 250;

    [Fact]
    public async Task Should_confirm_then_resync_every_error_of_a_card_of_250_in_three_requests_and_follow_their_progress_together_in_both_languages()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await SeedAsync(host);
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);
        await page.GetByTestId("card-invalid-email").ClickAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(50);

        string? asked = null;
        page.Dialog += async (_, dialog) =>
        {
            asked = dialog.Message;
            await dialog.AcceptAsync();
        };
        await page.GetByTestId("resync-all").ClickAsync();

        await Expect(page.GetByTestId("resync-notice")).ToHaveTextAsync($"Resync requested for {CardSize} errors in 3 requests.");
        await Expect(page.GetByTestId("filter-state")).ToHaveValueAsync("resync-pending");
        await Expect(page.GetByTestId("error-state").First).ToHaveTextAsync("resync pending");
        Assert.Contains("in requests of 100", asked, StringComparison.Ordinal);
        await Expect(page.GetByTestId("resync-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("resync-row").First).ToContainTextAsync("admin");
        await Screenshots.SaveAsync(page, "resync-all.png");
        var requests = await host.GetJsonAsync($"/api/tenants/{Tenant}/resync-requests");
        Assert.Equal(3, requests.GetProperty("items").GetArrayLength());
        Assert.Equal(CardSize, requests.GetProperty("items").EnumerateArray().Sum(r => r.GetProperty("errors").GetInt32()));
        Assert.All(requests.GetProperty("items").EnumerateArray(), r => Assert.Equal("admin", r.GetProperty("requestedBy").GetString()));

        // No engine answers here: every record of the three requests ends as sent, and the page says so for all 250 together.
        var progress = page.GetByTestId("resync-progress");
        await Expect(progress).ToHaveTextAsync($"In progress: {CardSize} records sent to the sync engine.");
        var counts = await page.GetByTestId("resync-count").EvaluateAllAsync<int[]>("spans => spans.map(s => Number(s.dataset.count))");
        Assert.Equal(CardSize, counts.Sum());
        // The requests' own rows follow too, newest (the last 50) first.
        await Expect(page.GetByTestId("resync-row").First).ToContainTextAsync("50 records sent to the sync engine");
        await Expect(page.GetByTestId("resync-row").Last).ToContainTextAsync("100 records sent to the sync engine");
        await Screenshots.SaveAsync(page, "resync-all-progress.png");

        await page.GetByTestId("language").SelectOptionAsync("pl");

        await Expect(progress).ToHaveTextAsync($"W toku: {CardSize} rekordów wysłanych do silnika synchronizacji.");
        await Expect(page.GetByTestId("resync-notice")).ToHaveTextAsync($"Zlecono ponowną synchronizację {CardSize} błędów w 3 zleceniach.");
        await Screenshots.SaveAsync(page, "resync-all-progress-pl.png");

        // Opened again, the card lists what it counts: its errors are current while they wait for their resync.
        await page.GetByTestId("card-invalid-email").ClickAsync();
        await Expect(page.GetByTestId("filter-state")).ToHaveValueAsync("current");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(50);
    }

    [Fact]
    public async Task Should_say_why_the_records_of_a_resync_of_all_matching_errors_wait_when_the_usage_fills_the_allocation()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([.. Enumerable.Range(0, 2).Select(i => SyncFailures.ToSalesforce(Tenant, $"{2000 + i}", SyncFailures.InvalidEmail))]);
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(Tenant, 5_000, 5_000, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/errors")).GetProperty("items").GetArrayLength() == 2,
            TimeSpan.FromSeconds(60),
            "both reported failures classified");
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);
        await page.GetByTestId("card-invalid-email").ClickAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(2);
        page.Dialog += async (_, dialog) => await dialog.AcceptAsync();

        await page.GetByTestId("resync-all").ClickAsync();

        await Expect(page.GetByTestId("resync-progress")).ToHaveTextAsync(
            "In progress: 2 records deferred: the reported API usage alone fills the allocation to HubSpot; they wait for a lower usage report (or a larger or cleared allocation).");
        await Expect(page.GetByTestId("resync-status")).ToHaveClassAsync(new Regex("deferred"));
    }

    [Fact]
    public async Task Should_show_a_reader_the_errors_without_resync_views_allocation_or_settings()
    {
        HeadlessChromium.SkipWhenMissing();
        const string readerKey = "a-readers-key-for-the-dashboard-test";
        await using var host = await RunningStandalone.StartAsync(
            settings: [$"EventSync:Api:Keys:rita:Key={readerKey}", "EventSync:Api:Keys:rita:Role=reader", $"EventSync:Api:Keys:rita:Tenants={Tenant}"]);
        await SeedAsync(host);
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;

        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, readerKey);
        await page.GetByTestId("card-invalid-email").ClickAsync();

        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(50);
        await Expect(page.GetByTestId("role-note")).ToHaveTextAsync("Read only: this key may not change anything.");
        await Expect(page.GetByTestId("current-tenant")).ToContainTextAsync("rita");
        await Expect(page.GetByTestId("error-check")).ToHaveCountAsync(50);
        foreach (var action in new[] { "resync", "resync-all", "ignore", "create-view", "open-settings", "allocation-save", "selected-count" })
        {
            await Expect(page.GetByTestId(action)).ToBeHiddenAsync();
        }

        await Expect(page.GetByTestId("error-check").First).ToBeHiddenAsync();

        await Expect(page.GetByTestId("export-csv")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "reader.png");
    }

    private static async Task SeedAsync(RunningStandalone host)
    {
        await host.ReportFailuresAsync([.. Enumerable.Range(0, CardSize).Select(i => SyncFailures.ToSalesforce(Tenant, $"{1000 + i}", SyncFailures.InvalidEmail))]);
        await Eventually.HoldsAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/sync-health")).GetProperty("errorCards").EnumerateArray()
                .Sum(c => c.GetProperty("currentErrors").GetInt64()) == CardSize,
            TimeSpan.FromSeconds(60),
            "the reported failures classified into one card");
    }
}

using EventSync.Contracts;
using EventSync.Core.Storage;
using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>An operator works through the dashboard in a real (headless) browser against the standalone host.</summary>
public sealed class DashboardTests
{
    private const string Tenant = "acme-eu";
    private static readonly string[] InvalidEmailContacts = ["501", "502", "503"];
    private static readonly string[] UnknownContacts = ["801", "802"];

    [Fact]
    public async Task Should_resync_export_and_save_settings_when_an_operator_works_through_the_dashboard()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await SeedAsync(host);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" });
        SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        await SignInAsync(page, host);
        await OpenUnknownGroupAsync(page);
        await OpenInvalidEmailCardAsync(page);
        var resynced = await ResyncTwoErrorsAsync(page, host);
        await ExportCsvAsync(page);
        await CreateViewAsync(page);
        await SaveNotificationSettingsAsync(page, host);
        await SaveScreenshotAsync(page, "dashboard.png");
        await SwitchToPolishAsync(page);
        await SaveScreenshotAsync(page, "dashboard-pl.png");

        Assert.Equal(2, resynced.Count);
    }

    [Fact]
    public async Task Should_fit_the_page_to_the_screen_and_keep_the_actions_in_reach_when_an_operator_works_on_a_phone()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await SeedAsync(host);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 400, Height = 800 }, Locale = "en-GB" });
        SetDefaultExpectTimeout(15_000);
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);

        await SignInAsync(page, host);
        await OpenInvalidEmailCardAsync(page);
        await SwitchToPolishAsync(page);
        await SaveScreenshotAsync(page, "dashboard-400px-pl.png");

        // Nothing wider than the screen: a page that scrolls sideways hides columns and buttons from a phone.
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than a 400 px screen.");
        await page.GetByTestId("resync").ScrollIntoViewIfNeededAsync();
        await Expect(page.GetByTestId("resync")).ToBeInViewportAsync();
    }

    private static async Task SeedAsync(RunningStandalone host)
    {
        await host.ReportFailuresAsync(
        [
            .. InvalidEmailContacts.Select(id => SyncFailures.ToSalesforce(Tenant, id, SyncFailures.InvalidEmail)),
            SyncFailures.ToSalesforce(Tenant, "601", SyncFailures.RequiredFieldMissing),
            SyncFailures.ToSalesforce(Tenant, "602", SyncFailures.RequiredFieldMissing),
            SyncFailures.ToSalesforce(Tenant, "701", SyncFailures.DuplicateRule, objectType: "company"),
            .. UnknownContacts.Select(id => SyncFailures.ToSalesforce(Tenant, id, new ReportedError { StatusCode = "WEIRD_THING", Message = $"Odd failure on record {id}" })),
            SyncFailures.ToSalesforce(Tenant, "803", new ReportedError { Message = "The engine lost its queue" }),
        ]);
        var cancellationToken = TestContext.Current.CancellationToken;
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(Tenant, 61_250, 100_000, DateTimeOffset.UtcNow.AddMinutes(-3), cancellationToken);
        await host.Services.GetRequiredService<IApiUsageStore>().SetAllocationAsync(Tenant, 40_000, cancellationToken);
        await Eventually.HoldsAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/sync-health")).GetProperty("errorCards").EnumerateArray()
                .Sum(c => c.GetProperty("currentErrors").GetInt64()) == 9,
            TimeSpan.FromSeconds(60),
            "the nine reported failures classified into error cards");
    }

    private static async Task SignInAsync(IPage page, RunningStandalone host)
    {
        await page.GotoAsync(host.Address.ToString());
        await page.GetByTestId("login-tenant").FillAsync(Tenant);
        await page.GetByTestId("login-key").FillAsync("not-a-key-anyone-was-given");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-rejected")).ToBeVisibleAsync();

        await page.GetByTestId("login-key").FillAsync(host.AdminKey);
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("usage-used")).ToHaveTextAsync("61,250");
        await Expect(page.GetByTestId("card-invalid-email").GetByTestId("card-errors")).ToHaveTextAsync("3");
        await Expect(page.GetByTestId("trend-svg")).ToBeVisibleAsync();
    }

    private static async Task OpenUnknownGroupAsync(IPage page)
    {
        var groups = page.GetByTestId("unknown-group");
        await Expect(groups).ToHaveCountAsync(2);
        await Expect(groups.First).ToContainTextAsync("WEIRD_THING: Odd failure on record");

        await groups.First.ClickAsync();

        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(UnknownContacts.Length);
        await SaveScreenshotAsync(page, "dashboard-unknown-groups.png");
    }

    private static async Task OpenInvalidEmailCardAsync(IPage page)
    {
        await page.GetByTestId("card-invalid-email").ClickAsync();

        await Expect(page.GetByTestId("details")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("details-fix")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("resync-limit")).ToContainTextAsync("100");
    }

    private static async Task<List<string>> ResyncTwoErrorsAsync(IPage page, RunningStandalone host)
    {
        var rows = page.GetByTestId("error-row");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await rows.Nth(i).GetByTestId("error-check").CheckAsync();
            ids.Add((await rows.Nth(i).GetAttributeAsync("data-error-id"))!);
        }

        await page.GetByTestId("resync").ClickAsync();

        await Expect(page.GetByTestId("notice")).ToContainTextAsync("2 sent");
        await Expect(page.Locator("[data-testid=error-state].state-resync-pending")).ToHaveCountAsync(2);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        foreach (var id in ids)
        {
            var error = await store.GetAsync(Tenant, id, TestContext.Current.CancellationToken);
            Assert.Equal(SyncErrorState.ResyncPending, error!.State);
        }

        return ids;
    }

    private static async Task ExportCsvAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());

        Assert.EndsWith(".csv", download.SuggestedFilename, StringComparison.Ordinal);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1 + InvalidEmailContacts.Length, lines.Length);
        Assert.All(InvalidEmailContacts, id => Assert.Contains(lines, line => line.Contains(id, StringComparison.Ordinal)));
    }

    private static async Task CreateViewAsync(IPage page)
    {
        await page.GetByTestId("create-view").ClickAsync();

        await Expect(page.GetByTestId("view-row")).ToHaveCountAsync(InvalidEmailContacts.Length);
    }

    private static async Task SaveNotificationSettingsAsync(IPage page, RunningStandalone host)
    {
        await page.GetByTestId("open-settings").ClickAsync();
        var dialog = page.GetByTestId("settings");
        await Expect(dialog).ToBeVisibleAsync();
        await page.GetByTestId("settings-enabled").CheckAsync();
        await page.GetByTestId("settings-weekly").CheckAsync();
        await page.GetByTestId("settings-recipients").FillAsync("ops@example.com\nnot-an-address");
        await page.GetByTestId("settings-timezone").FillAsync("Europe/Warsaw");
        await page.GetByTestId("settings-language").SelectOptionAsync("pl");
        await page.GetByTestId("settings-save").ClickAsync();

        await Expect(page.GetByTestId("settings-recipients-error")).ToContainTextAsync("not-an-address");

        await page.GetByTestId("settings-recipients").FillAsync("ops@example.com\nlead@example.com");
        await page.GetByTestId("settings-save").ClickAsync();

        await Expect(dialog).ToBeHiddenAsync();
        var settings = await host.GetJsonAsync($"/api/tenants/{Tenant}/notification-settings");
        Assert.True(settings.GetProperty("enabled").GetBoolean());
        Assert.Equal("weekly", settings.GetProperty("frequency").GetString());
        Assert.Equal(["ops@example.com", "lead@example.com"], settings.GetProperty("recipients").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal("Europe/Warsaw", settings.GetProperty("timeZone").GetString());
        Assert.Equal("pl", settings.GetProperty("language").GetString());
    }

    private static async Task SwitchToPolishAsync(IPage page)
    {
        await page.GetByTestId("language").SelectOptionAsync("pl");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Stan synchronizacji");
        await Expect(page.GetByTestId("resync")).ToHaveTextAsync("Synchronizuj ponownie");
        await Expect(page.GetByTestId("card-invalid-email").Locator(".card-title")).Not.ToHaveTextAsync("Invalid email address");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(InvalidEmailContacts.Length);
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"Dashboard screenshot: {path}");
    }
}

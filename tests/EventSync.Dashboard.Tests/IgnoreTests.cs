using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>
/// An operator ignores two errors of a card until a date with a reason, finds them under "ignored" with who and why,
/// and restores them; a date already past is refused next to its field.
/// </summary>
public sealed class IgnoreTests
{
    private const string Tenant = "acme-ignore";
    private const int CardSize = 5;

    [Fact]
    public async Task Should_take_ignored_errors_off_the_card_show_who_and_why_and_bring_them_back_when_restored()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([.. Enumerable.Range(0, CardSize).Select(i => SyncFailures.ToSalesforce(Tenant, $"{3000 + i}", SyncFailures.InvalidEmail))]);
        await Eventually.HoldsAsync(async () => await CurrentErrorsAsync(host) == CardSize, TimeSpan.FromSeconds(60), "the failures classified");
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await page.GotoAsync(host.Address.ToString());
        await page.GetByTestId("login-tenant").FillAsync(Tenant);
        await page.GetByTestId("login-key").FillAsync(host.AdminKey);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.GetByTestId("card-invalid-email").ClickAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(CardSize);

        await page.GetByTestId("error-check").Nth(0).CheckAsync();
        await page.GetByTestId("error-check").Nth(1).CheckAsync();
        await page.GetByTestId("ignore").ClickAsync();
        await Expect(page.GetByTestId("ignore-scope-selected-label")).ToHaveTextAsync("The 2 selected errors");
        await page.GetByTestId("ignore-by-date").CheckAsync();
        await page.GetByTestId("ignore-until").FillAsync("2020-01-31T09:00");
        await page.GetByTestId("ignore-save").ClickAsync();
        await Expect(page.Locator("[data-field=until]")).ToContainTextAsync("Must be later than now");
        await page.GetByTestId("ignore-until").FillAsync("2099-01-31T09:00");
        await page.GetByTestId("ignore-reason").FillAsync("Test records of the sales team");
        await Screenshots.SaveAsync(page, "ignore-dialog.png");
        await page.GetByTestId("ignore-save").ClickAsync();

        await Expect(page.GetByTestId("details-notice")).ToHaveTextAsync("2 errors ignored.");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(CardSize - 2);
        await Expect(page.GetByTestId("card-invalid-email").GetByTestId("card-errors")).ToHaveTextAsync("3");
        await page.GetByTestId("filter-state").SelectOptionAsync("ignored");
        await page.GetByTestId("filter-apply").ClickAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("error-state").First).ToContainTextAsync("ignored until");
        await page.GetByTestId("error-info").First.ClickAsync();
        await Expect(page.GetByTestId("panel-ignored-by")).ToHaveTextAsync("admin");
        await Expect(page.GetByTestId("panel-ignore-reason")).ToHaveTextAsync("Test records of the sales team");
        await Screenshots.SaveAsync(page, "ignored-errors.png");
        await page.GetByTestId("error-panel-close").ClickAsync();

        await page.GetByTestId("select-all").CheckAsync();
        await page.GetByTestId("restore").ClickAsync();

        await Expect(page.GetByTestId("details-notice")).ToHaveTextAsync("2 errors restored as open.");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(0);
        await Eventually.HoldsAsync(async () => await CurrentErrorsAsync(host) == CardSize, TimeSpan.FromSeconds(10), "the restored errors back on the card");
    }

    private static async Task<long> CurrentErrorsAsync(RunningStandalone host) =>
        (await host.GetJsonAsync($"/api/tenants/{Tenant}/sync-health")).GetProperty("errorCards").EnumerateArray().Sum(c => c.GetProperty("currentErrors").GetInt64());
}

using System.Text.RegularExpressions;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Usage;
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
    private const string PortalId = "4712";
    private static readonly string[] InvalidEmailContacts = ["501", "502", "503"];
    private static readonly string[] UnknownContacts = ["801", "802"];

    [Fact]
    public async Task Should_walk_an_operator_through_card_filters_details_resync_allocation_export_and_notifications()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await SeedAsync(host);
        await using var browser = await OperatorBrowser.OpenAsync(width: 1280, height: 900);
        var page = browser.Page;

        await SignInAsync(page, host);
        await OpenUnknownGroupAsync(page);
        await OpenInvalidEmailCardAsync(page);
        await Screenshots.SaveAsync(page, "loop-01-card-open.png");
        await SeeTheStateFilterResetWhenAnotherCardOpensAsync(page);
        await OpenTheDetailsOfAnErrorAsync(page);
        await Screenshots.SaveAsync(page, "loop-02-error-details.png");
        await page.GetByTestId("error-panel-close").ClickAsync();
        await Expect(page.GetByTestId("error-panel")).ToBeHiddenAsync();
        var resynced = await ResyncTwoErrorsWhileTheBudgetIsUsedUpAsync(page, host);
        await Screenshots.SaveAsync(page, "loop-03-resync-deferred.png");
        await ResyncAllThreeOfWhichTwoAreAlreadyPendingAsync(page);
        await LowerTheAllocationBelowUsageThenClearItAsync(page, host);
        await Screenshots.SaveAsync(page, "loop-04-allocation-cleared.png");
        await FilterOnContactsOfEveryStateAsync(page);
        await ExportCsvAsync(page);
        await CreateViewAsync(page);
        await Screenshots.SaveAsync(page, "loop-05-filtered-export-view.png");
        await SaveNotificationSettingsAsync(page, host);
        await SendATestDigestAsync(page, "Test digest queued for ops@example.com, lead@example.com", "loop-06-test-digest.png");
        await SwitchToPolishAsync(page);
        await SeePolishPluralsAndTermsAsync(page);
        await Screenshots.SaveAsync(page, "loop-07-polish.png");

        Assert.Equal(2, resynced.Count);
    }

    [Fact]
    public async Task Should_say_the_tenant_is_unknown_when_an_operator_mistypes_the_tenant_id()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await SeedAsync(host);
        await using var browser = await OperatorBrowser.OpenAsync(width: 1280, height: 900);
        var page = browser.Page;

        await SignInAsync(page, host, tenant: "acme-ue");

        await Expect(page.GetByTestId("tenant-unknown")).ToHaveTextAsync(
            "Nothing has been reported for tenant acme-ue: no errors in any state and no API usage. Check the tenant id.");
        await Expect(page.GetByTestId("cards-none")).ToBeHiddenAsync();
        // Nothing requested yet: the sentence says so, with no empty table under it.
        await Expect(page.GetByTestId("resyncs-none")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("resyncs-table")).ToBeHiddenAsync();
        await SendATestDigestAsync(page, "The test was not sent: The tenant has no notification settings.", "unknown-tenant.png");
    }

    [Fact]
    public async Task Should_fit_the_page_to_the_screen_and_keep_the_actions_in_reach_when_an_operator_works_on_a_phone()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await SeedAsync(host);
        await using var browser = await OperatorBrowser.OpenAsync(width: 400, height: 800);
        var page = browser.Page;

        await SignInAsync(page, host);
        await OpenInvalidEmailCardAsync(page);
        await SwitchToPolishAsync(page);
        await Screenshots.SaveAsync(page, "dashboard-400px-pl.png");
        await ExpectNoSidewaysScrollAsync(page);
        // Each error is a block of lines labelled with the column headings: no column cut off at the edge of its box.
        await ExpectWholeAsync(page, "errors-table");
        Assert.True(
            await page.GetByTestId("errors-table").EvaluateAsync<bool>(
                "t => { const label = t.querySelector('tbody td:nth-child(7)').dataset.label; return !!label && label === t.querySelector('thead th:nth-child(7)').textContent.trim(); }"),
            "The message of an error is labelled with its column's heading.");
        await page.GetByTestId("resync").ScrollIntoViewIfNeededAsync();
        await Expect(page.GetByTestId("resync")).ToBeInViewportAsync();

        await page.GetByTestId("error-info").First.ClickAsync();

        await Expect(page.GetByTestId("panel-fix")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("panel-history-row")).ToHaveCountAsync(1);
        var panelWidth = await page.GetByTestId("error-panel").EvaluateAsync<double>("panel => panel.getBoundingClientRect().width");
        Assert.Equal(400, panelWidth, 1.0);
        await ExpectNoSidewaysScrollAsync(page);
        await Screenshots.SaveAsync(page, "dashboard-400px-panel-pl.png");

        // The activity trail shows each change whole: no column cut off at the edge of its box.
        await Expect(page.GetByTestId("activity-row").First).ToBeVisibleAsync();
        await ExpectWholeAsync(page, "activity-table");
    }

    private static async Task ExpectWholeAsync(IPage page, string table)
    {
        var overflow = await page.GetByTestId(table).EvaluateAsync<double>("table => table.parentElement.scrollWidth - table.parentElement.clientWidth");
        Assert.True(overflow <= 0, $"The {table} is {overflow} px wider than its box.");
    }

    // Nothing wider than the screen: a page that scrolls sideways hides columns and buttons from a phone.
    private static async Task ExpectNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"The page is {overflow} px wider than the screen.");
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
        await host.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/links", new { hubSpotPortalId = PortalId });
        await Eventually.HoldsAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/sync-health")).GetProperty("errorCards").EnumerateArray()
                .Sum(c => c.GetProperty("currentErrors").GetInt64()) == 9,
            TimeSpan.FromSeconds(60),
            "the nine reported failures classified into error cards");
    }

    private static async Task SignInAsync(IPage page, RunningStandalone host, string tenant = Tenant)
    {
        await page.GotoAsync(host.Address.ToString());
        await page.GetByTestId("login-tenant").FillAsync(tenant);
        await page.GetByTestId("login-key").FillAsync("not-a-key-anyone-was-given");
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("login-rejected")).ToBeVisibleAsync();

        await page.GetByTestId("login-key").FillAsync(host.AdminKey);
        await page.GetByTestId("login-submit").ClickAsync();

        await Expect(page.GetByTestId("current-tenant")).ToContainTextAsync(tenant);
        await Expect(page.GetByTestId("trend-chart")).Not.ToBeEmptyAsync();
        if (tenant == Tenant)
        {
            await Expect(page.GetByTestId("usage-used")).ToHaveTextAsync("61,250");
            await Expect(page.GetByTestId("card-invalid-email").GetByTestId("card-errors")).ToHaveTextAsync("3");
            await Expect(page.GetByTestId("trend-svg")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("tenant-unknown")).ToBeHiddenAsync();
        }
    }

    private static async Task OpenUnknownGroupAsync(IPage page)
    {
        var groups = page.GetByTestId("unknown-group");
        await Expect(groups).ToHaveCountAsync(2);
        await Expect(groups.First).ToContainTextAsync("WEIRD_THING: Odd failure on record");

        await groups.First.ClickAsync();

        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(UnknownContacts.Length);
        await Screenshots.SaveAsync(page, "dashboard-unknown-groups.png");
    }

    private static async Task OpenInvalidEmailCardAsync(IPage page)
    {
        await page.GetByTestId("card-invalid-email").ClickAsync();

        await Expect(page.GetByTestId("details")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("filter-state")).ToHaveValueAsync("current");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(3);
        await Expect(page.GetByTestId("error-fields")).ToHaveTextAsync(new[] { "Email", "Email", "Email" });
        await Expect(page.GetByTestId("details-fix")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("resync-limit")).ToContainTextAsync("100");
    }

    private static async Task SeeTheStateFilterResetWhenAnotherCardOpensAsync(IPage page)
    {
        await page.GetByTestId("filter-state").SelectOptionAsync("resolved");
        await page.GetByTestId("filter-object").SelectOptionAsync("company");
        await page.GetByTestId("filter-apply").ClickAsync();
        await Expect(page.GetByTestId("errors-none")).ToBeVisibleAsync();

        await page.GetByTestId("card-required-value-missing").ClickAsync();

        await Expect(page.GetByTestId("filter-state")).ToHaveValueAsync("current");
        await Expect(page.GetByTestId("filter-object")).ToHaveValueAsync("");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("errors-none")).ToBeHiddenAsync();
        await OpenInvalidEmailCardAsync(page);
    }

    private static async Task OpenTheDetailsOfAnErrorAsync(IPage page)
    {
        await page.GetByTestId("error-row").First.GetByTestId("error-info").ClickAsync();

        await Expect(page.GetByTestId("error-panel")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("error-panel-title")).ToHaveTextAsync("Invalid email address");
        await Expect(page.GetByTestId("panel-object")).ToHaveTextAsync("Contact");
        var recordId = await page.GetByTestId("panel-hubspot-id").InnerTextAsync();
        await Expect(page.GetByTestId("panel-hubspot-id").GetByRole(AriaRole.Link))
            .ToHaveAttributeAsync("href", $"https://app.hubspot.com/contacts/{PortalId}/record/0-1/{recordId}");
        await Expect(page.GetByTestId("panel-fields")).ToHaveTextAsync("Email");
        await Expect(page.GetByTestId("panel-direction")).ToHaveTextAsync("HubSpot → Salesforce");
        await Expect(page.GetByTestId("panel-status-code")).ToHaveTextAsync("INVALID_EMAIL_ADDRESS");
        await Expect(page.GetByTestId("panel-first-seen")).Not.ToHaveTextAsync("—");
        await Expect(page.GetByTestId("panel-fix")).Not.ToBeEmptyAsync();
        await Expect(page.GetByTestId("panel-history-row")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("panel-history-row")).ToContainTextAsync("INVALID_EMAIL_ADDRESS");
        await Expect(page.GetByTestId("panel-raw")).ToContainTextAsync("jane.doe@@example.com");
        // What the engine left empty is not shown: a raw error is its reported members only.
        await Expect(page.GetByTestId("panel-raw")).Not.ToContainTextAsync("null");
        await Expect(page.GetByTestId("panel-decision")).Not.ToBeEmptyAsync();
    }

    private static async Task<List<string>> ResyncTwoErrorsWhileTheBudgetIsUsedUpAsync(IPage page, RunningStandalone host)
    {
        var rows = page.GetByTestId("error-row");
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            await rows.Nth(i).GetByTestId("error-check").CheckAsync();
            ids.Add((await rows.Nth(i).GetAttributeAsync("data-error-id"))!);
        }

        await page.GetByTestId("resync").ClickAsync();

        // The seeded usage (61,250) is above the allocation (40,000): the records wait, and the page must not say "sent".
        await Expect(page.GetByTestId("resync-notice")).ToHaveTextAsync("Resync requested for 2 errors.");
        await Expect(page.GetByTestId("resync-progress")).ToContainTextAsync("2 records deferred");
        await Expect(page.GetByTestId("resync-progress")).ToContainTextAsync("allocation to HubSpot");
        await Expect(page.GetByTestId("resync-progress")).Not.ToContainTextAsync("sent");
        await Expect(page.GetByTestId("resync-status")).ToBeInViewportAsync();
        await Expect(page.Locator("[data-testid=error-state].state-resync-pending")).ToHaveCountAsync(2);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        foreach (var id in ids)
        {
            var error = await store.GetAsync(Tenant, id, TestContext.Current.CancellationToken);
            Assert.Equal(SyncErrorState.ResyncPending, error!.State);
        }

        return ids;
    }

    private static async Task ResyncAllThreeOfWhichTwoAreAlreadyPendingAsync(IPage page)
    {
        await page.GetByTestId("select-all").CheckAsync();

        await page.GetByTestId("resync").ClickAsync();

        await Expect(page.GetByTestId("resync-notice")).ToHaveTextAsync("Resync requested for 1 error; 2 were already waiting for a resync.");
        await Expect(page.GetByTestId("resync-progress")).ToContainTextAsync("1 record deferred");
        await Expect(page.Locator("[data-testid=error-state].state-resync-pending")).ToHaveCountAsync(InvalidEmailContacts.Length);
    }

    private static async Task LowerTheAllocationBelowUsageThenClearItAsync(IPage page, RunningStandalone host)
    {
        await page.GetByTestId("allocation-input").FillAsync("10000");
        await Expect(page.GetByTestId("allocation-warning")).ToContainTextAsync("below the 61,250 calls already used");

        await page.GetByTestId("allocation-save").ClickAsync();

        await Expect(page.GetByTestId("allocation-confirm")).ToBeVisibleAsync();
        Assert.Equal(40_000, (await AllocationAsync(host))!.Value);

        await page.GetByTestId("allocation-confirm").ClickAsync();

        await Expect(page.GetByTestId("usage-allocated")).ToHaveTextAsync("10,000");
        await Expect(page.GetByTestId("allocation-warning")).ToBeHiddenAsync();
        Assert.Equal(10_000, (await AllocationAsync(host))!.Value);

        await page.GetByTestId("allocation-clear").ClickAsync();

        await Expect(page.GetByTestId("usage-allocated")).ToHaveTextAsync("not set");
        await Expect(page.GetByTestId("allocation-status")).ToHaveTextAsync("Allocation cleared: not set.");
        Assert.Null(await AllocationAsync(host));
    }

    private static async Task<long?> AllocationAsync(RunningStandalone host)
    {
        var usage = await host.Services.GetRequiredService<IApiUsageStore>().GetUsageAsync(Tenant, TestContext.Current.CancellationToken);
        return usage!.AllocatedToHubSpot;
    }

    private static async Task FilterOnContactsOfEveryStateAsync(IPage page)
    {
        await page.GetByTestId("filter-state").SelectOptionAsync(new SelectOptionValue { Value = "" });
        await page.GetByTestId("filter-object").SelectOptionAsync("company");
        await page.GetByTestId("filter-apply").ClickAsync();
        await Expect(page.GetByTestId("errors-none")).ToBeVisibleAsync();

        await page.GetByTestId("filter-object").SelectOptionAsync("contact");
        await page.GetByTestId("filter-from").FillAsync(UtcDay(1));
        await page.GetByTestId("filter-apply").ClickAsync();
        await Expect(page.GetByTestId("errors-none")).ToBeVisibleAsync();

        // The "to" day counts whole: errors last seen today are in a range that ends today.
        await page.GetByTestId("filter-from").FillAsync(UtcDay(-1));
        await page.GetByTestId("filter-to").FillAsync(UtcDay(0));
        await page.GetByTestId("filter-apply").ClickAsync();

        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(InvalidEmailContacts.Length);
        await Expect(page.Locator("[data-testid=error-state].state-resync-pending")).ToHaveCountAsync(InvalidEmailContacts.Length);
    }

    private static string UtcDay(int daysFromToday) =>
        DateTime.UtcNow.Date.AddDays(daysFromToday).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static async Task ExportCsvAsync(IPage page)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("export-csv").ClickAsync());

        Assert.Matches(@"^sync-errors_acme-eu_invalid-email_\d{4}-\d{2}-\d{2}T\d{4}Z\.csv$", download.SuggestedFilename);
        await Expect(page.GetByTestId("details-notice")).ToContainTextAsync(download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1 + InvalidEmailContacts.Length, lines.Length);
        Assert.All(InvalidEmailContacts, id => Assert.Contains(lines, line => line.Contains(id, StringComparison.Ordinal)));
    }

    private static async Task CreateViewAsync(IPage page)
    {
        await page.GetByTestId("create-view").ClickAsync();

        await Expect(page.GetByTestId("view-row")).ToHaveCountAsync(InvalidEmailContacts.Length);
        await Expect(page.GetByTestId("view-row").First).ToContainTextAsync("Invalid email address");
        await Expect(page.GetByTestId("view-row").First).Not.ToContainTextAsync("invalid-email");
        await Expect(page.GetByTestId("view-row").First.GetByRole(AriaRole.Link)).ToHaveAttributeAsync("href", new Regex($"^https://app\\.hubspot\\.com/contacts/{PortalId}/record/0-1/"));
        await Expect(page.GetByTestId("view-page")).ToHaveAttributeAsync("href", new Regex($"^/views/[0-9a-f]+\\?tenant={Tenant}$"));
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

    private static async Task SendATestDigestAsync(IPage page, string expectedResult, string screenshot)
    {
        await page.GetByTestId("open-settings").ClickAsync();
        await Expect(page.GetByTestId("settings")).ToBeVisibleAsync();

        await page.GetByTestId("settings-test").ClickAsync();

        await Expect(page.GetByTestId("settings-test-result")).ToContainTextAsync(expectedResult);
        await Screenshots.SaveAsync(page, screenshot);
        await page.GetByTestId("settings-cancel").ClickAsync();
        await Expect(page.GetByTestId("settings")).ToBeHiddenAsync();
    }

    private static async Task SwitchToPolishAsync(IPage page)
    {
        await page.GetByTestId("language").SelectOptionAsync("pl");

        await Expect(page.Locator("h1")).ToHaveTextAsync("Stan synchronizacji");
        await Expect(page.GetByTestId("resync")).ToHaveTextAsync("Synchronizuj ponownie");
        await Expect(page.GetByTestId("card-invalid-email").Locator(".card-title")).Not.ToHaveTextAsync("Invalid email address");
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(InvalidEmailContacts.Length);
    }

    private static async Task SeePolishPluralsAndTermsAsync(IPage page)
    {
        var duplicateRule = page.GetByTestId("card-salesforce-duplicate-rule");
        await Expect(duplicateRule.GetByTestId("card-errors-text")).ToHaveTextAsync("1 bieżący błąd");
        await Expect(duplicateRule.GetByTestId("card-records-text")).ToHaveTextAsync("1 rekord, którego dotyczy");
        await Expect(duplicateRule.Locator(".card-title")).ToHaveTextAsync("Reguła duplikowania Salesforce");
        await Expect(page.GetByTestId("card-invalid-email").GetByTestId("card-errors-text")).ToHaveTextAsync("3 bieżące błędy");
        await Expect(page.GetByTestId("card-invalid-email").GetByTestId("card-records-text")).ToHaveTextAsync("3 rekordy, których dotyczy");
        await Expect(page.Locator("#usage-title")).ToHaveTextAsync("Wykorzystanie wywołań API");
        await Expect(page.Locator("#cards-title")).ToHaveTextAsync("Błędy synchronizacji");
        await Expect(page.GetByTestId("export-csv")).ToHaveTextAsync("Eksportuj błędy (CSV)");
        await Expect(page.GetByTestId("error-row").First.Locator("td").Nth(2)).ToHaveTextAsync("Kontakt");
        var many = await page.EvaluateAsync<string>("""async () => (await import("./i18n.js")).translate("pl", "cards.currentErrors", { count: 5 })""");
        Assert.Equal("bieżących błędów", many);
    }
}

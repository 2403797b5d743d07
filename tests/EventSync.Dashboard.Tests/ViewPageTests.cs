using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>
/// A temporary view opened from its address in a fresh tab, as a colleague would open a shared link: it asks for the key,
/// then shows the records with links to HubSpot and Salesforce and the errors' titles, and exports them.
/// </summary>
public sealed class ViewPageTests
{
    private const string Tenant = "acme-eu";
    private static readonly string[] Contacts = ["501", "502", "503"];

    [Fact]
    public async Task Should_ask_for_the_key_then_list_the_records_with_links_and_titles_when_a_shared_view_is_opened_in_a_fresh_tab()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([.. Contacts.Select(id => SyncFailures.ToSalesforce(Tenant, id, SyncFailures.InvalidEmail))]);
        await Eventually.HoldsAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/errors?state=open")).GetProperty("items").GetArrayLength() == Contacts.Length,
            TimeSpan.FromSeconds(60),
            "the reported failures are classified");
        await host.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/links", new { hubSpotPortalId = "4712", salesforceInstanceUrl = "https://acme.my.salesforce.com" });
        var created = await host.SendJsonAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/views", new { objectType = "contact" });
        var address = new Uri(host.Address, created.GetProperty("page").GetString());

        // A browser of its own: a tab that never had the key, as a colleague's would be.
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;

        await page.GotoAsync(address.ToString());
        await Expect(page.GetByTestId("view-login")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("view-login-text")).ToContainTextAsync(Tenant);
        await page.GetByTestId("view-api-key").FillAsync("not-a-key-anyone-was-given");
        await page.GetByTestId("view-open").ClickAsync();
        await Expect(page.GetByTestId("view-login-problem")).ToBeVisibleAsync();
        await page.GetByTestId("view-api-key").FillAsync(host.AdminKey);
        await page.GetByTestId("view-open").ClickAsync();

        var records = page.GetByTestId("view-record");
        await Expect(records).ToHaveCountAsync(Contacts.Length);
        await Expect(page.GetByTestId("view-expires")).ToContainTextAsync("3 affected records");
        var first = records.Filter(new() { HasText = "501" });
        await Expect(first.GetByRole(AriaRole.Link, new() { Name = "501" })).ToHaveAttributeAsync("href", "https://app.hubspot.com/contacts/4712/record/0-1/501");
        await Expect(first.Locator("td").Nth(3)).ToHaveTextAsync("Invalid email address");
        await Screenshots.SaveAsync(page, "view-page.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("view-export").ClickAsync());
        Assert.Matches($@"^sync-errors_{Tenant}_\d{{4}}-\d{{2}}-\d{{2}}T\d{{4}}Z\.csv$", download.SuggestedFilename);

        await page.GotoAsync(new Uri(host.Address, $"/views/no-such-view?tenant={Tenant}").ToString());
        await Expect(page.GetByTestId("view-problem")).ToContainTextAsync("does not exist or has expired");
    }
}

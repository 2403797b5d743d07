using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>
/// An operator assigns an error to a colleague from its details, writes a note on it, sees the assignee in the list and
/// on the card, and lists the errors nobody looks at.
/// </summary>
public sealed class AssignAndNotesTests
{
    private const string Tenant = "acme-assign";

    [Fact]
    public async Task Should_show_the_assignee_in_the_list_and_on_the_card_and_the_note_with_its_author_when_an_error_is_assigned_and_noted()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([.. Enumerable.Range(0, 3).Select(i => SyncFailures.ToSalesforce(Tenant, $"{4000 + i}", SyncFailures.InvalidEmail))]);
        await Eventually.HoldsAsync(
            async () => (await host.GetJsonAsync($"/api/tenants/{Tenant}/sync-health")).GetProperty("errorCards").GetArrayLength() == 1
                && (await host.GetJsonAsync($"/api/tenants/{Tenant}/sync-health")).GetProperty("errorCards")[0].GetProperty("currentErrors").GetInt32() == 3,
            TimeSpan.FromSeconds(60),
            "the failures classified");
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await page.GotoAsync(host.Address.ToString());
        await page.GetByTestId("login-tenant").FillAsync(Tenant);
        await page.GetByTestId("login-key").FillAsync(host.AdminKey);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.GetByTestId("card-invalid-email").ClickAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(3);

        await page.GetByTestId("error-info").First.ClickAsync();
        await page.GetByTestId("panel-assignee").FillAsync("anna@example.com");
        await page.GetByTestId("panel-assign").ClickAsync();
        await Expect(page.GetByTestId("error-assignee").First).ToHaveTextAsync("anna@example.com");
        await Expect(page.GetByTestId("error-panel-notice")).ToHaveTextAsync("Saved: assigned to anna@example.com, who gets an email about it.");

        // Half an address is a name: saved, and the page says that nobody is emailed.
        await page.GetByTestId("panel-assignee").FillAsync("anna@");
        await page.GetByTestId("panel-assign").ClickAsync();
        await Expect(page.GetByTestId("error-panel-notice")).ToHaveTextAsync("Saved: assigned to anna@. That is not an email address, so nobody is emailed.");
        await page.GetByTestId("panel-assignee").FillAsync("anna@example.com");
        await page.GetByTestId("panel-assign").ClickAsync();
        await Expect(page.GetByTestId("error-panel-notice")).ToContainTextAsync("who gets an email");

        await page.GetByTestId("panel-note-text").FillAsync("Asked the sales rep to fix the address.");
        await page.GetByTestId("panel-note-add").ClickAsync();
        await Expect(page.GetByTestId("error-panel-notice")).ToHaveTextAsync("Note added.");

        await Expect(page.GetByTestId("panel-note")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("panel-note")).ToContainTextAsync("admin");
        await Expect(page.GetByTestId("panel-note")).ToContainTextAsync("Asked the sales rep to fix the address.");
        await Expect(page.GetByTestId("panel-assignee")).ToHaveValueAsync("anna@example.com");
        await Expect(page.GetByTestId("card-assigned")).ToHaveTextAsync("1 assigned");
        await Screenshots.SaveAsync(page, "assign-and-notes.png");
        await page.GetByTestId("error-panel-close").ClickAsync();

        await page.GetByTestId("filter-assignee").FillAsync("none");
        await page.GetByTestId("filter-apply").ClickAsync();
        await Expect(page.GetByTestId("error-row")).ToHaveCountAsync(2);
    }
}

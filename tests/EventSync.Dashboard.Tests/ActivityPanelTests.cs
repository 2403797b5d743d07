using EventSync.Core.Usage;
using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>
/// The Activity panel: the tenant's audit trail newest first (who, when, the action in words, what it touched and the
/// values before and after), ten at a time with "More", refreshed after a change made on the page, downloaded as CSV,
/// in English and in Polish.
/// </summary>
public sealed class ActivityPanelTests
{
    private const string Tenant = "acme-eu";
    private const string OperatorKey = "an-operators-key-for-the-activity-test";
    private const int LinkChanges = 11;

    [Fact]
    public async Task Should_show_who_changed_what_newest_first_page_by_page_and_download_it_when_changes_were_made()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync(
            settings: [$"EventSync:Api:Keys:otto:Key={OperatorKey}", "EventSync:Api:Keys:otto:Role=operator", $"EventSync:Api:Keys:otto:Tenants={Tenant}"]);
        await host.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(Tenant, 1_200, 15_000, DateTimeOffset.UtcNow, TestContext.Current.CancellationToken);
        var errorId = await SeedOneErrorAsync(host);
        await host.SendJsonAsync(HttpMethod.Post, $"/api/tenants/{Tenant}/resync", new { errorIds = new[] { errorId } }, OperatorKey);
        for (var portal = 1; portal <= LinkChanges; portal++)
        {
            await host.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/links", new { hubSpotPortalId = $"{portal}" });
        }

        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);
        var rows = page.GetByTestId("activity-row");

        await Expect(rows).ToHaveCountAsync(10);
        await Expect(rows.First).ToContainTextAsync("admin");
        await Expect(rows.First).ToContainTextAsync("Changed where records are linked");
        await Expect(rows.First).ToContainTextAsync($"HubSpot account: {LinkChanges - 1} → {LinkChanges}");
        await page.GetByTestId("activity-more").ClickAsync();
        await Expect(rows).ToHaveCountAsync(LinkChanges + 1);
        await Expect(rows.Last).ToContainTextAsync("otto");
        await Expect(rows.Last).ToContainTextAsync("Asked to resync 1 error");
        await Expect(page.GetByTestId("activity-more")).ToBeHiddenAsync();

        await page.GetByTestId("allocation-input").FillAsync("5000");
        await page.GetByTestId("allocation-save").ClickAsync();
        await Expect(rows.First).ToContainTextAsync("Changed the API calls allocated to HubSpot");
        await Expect(rows.First).ToContainTextAsync("allocated to HubSpot: not set → 5,000");
        await page.GetByTestId("activity").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "activity.png");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("activity-export").ClickAsync());
        Assert.Matches(@"^activity_acme-eu_\d{4}-\d{2}-\d{2}T\d{4}Z\.csv$", download.SuggestedFilename);
        var lines = (await File.ReadAllTextAsync((await download.PathAsync())!, TestContext.Current.CancellationToken))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(1 + LinkChanges + 2, lines.Length);
        Assert.Contains(",admin,allocation.changed,", lines[1], StringComparison.Ordinal);
        Assert.Contains(",otto,resync,", lines[^1], StringComparison.Ordinal);

        await page.GetByTestId("language").SelectOptionAsync("pl");
        await Expect(page.GetByTestId("activity")).ToContainTextAsync("Aktywność");
        await Expect(rows.First).ToContainTextAsync("Zmieniono liczbę wywołań API przypisanych do HubSpot");
        await Expect(rows.First).ToContainTextAsync("przypisane do HubSpot: nie ustawiono → 5000");
        await Screenshots.SaveAsync(page, "activity-pl.png");
    }

    [Fact]
    public async Task Should_name_each_field_and_value_in_the_readers_language_and_say_what_changed_in_a_webhook_when_errors_and_settings_changed()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        var errorId = await SeedOneErrorAsync(host);
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);
        var errors = $"/api/tenants/{Tenant}/errors";
        await host.SendJsonAsync(HttpMethod.Post, $"{errors}/ignore", new { errorIds = new[] { errorId }, untilOccurrences = 3, reason = "known import glitch" });
        await host.SendJsonAsync(HttpMethod.Put, $"{errors}/assignee", new { errorIds = new[] { errorId }, assignee = "anna@example.com" });
        await host.SendJsonAsync(HttpMethod.Post, $"{errors}/{errorId}/notes", new { text = "Called the customer" });
        await host.SendJsonAsync(
            HttpMethod.Put, $"/api/tenants/{Tenant}/notification-settings",
            new { enabled = true, frequency = "daily", recipients = new[] { "ops@example.com" }, timeZone = "Europe/Warsaw", language = "pl" });
        var hook = new { id = "ops-alerts", url = "https://hooks.example.com/eventsync", secret = "a-webhook-secret-of-32-characters", format = "json", events = new[] { "error.new" }, enabled = true };
        await host.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{Tenant}/webhooks", new { endpoints = new[] { hook } });
        await host.SendJsonAsync(
            HttpMethod.Put, $"/api/tenants/{Tenant}/webhooks", new { endpoints = new[] { hook with { events = new[] { "error.new", "error.resolved" }, enabled = false } } });

        // Switching the language loads the page's figures and the activity again.
        await page.GetByTestId("language").SelectOptionAsync("pl");
        var activity = page.GetByTestId("activity");

        await Expect(activity).ToContainTextAsync("webhooki: ops-alerts (zdarzenia: Nowe błędy → Nowe błędy, Rozwiązane błędy; powiadomienia włączone: tak → nie)");
        await Expect(activity).ToContainTextAsync("webhooki: dodano ops-alerts");
        await Expect(activity).ToContainTextAsync("jak często: Codziennie");
        await Expect(activity).ToContainTextAsync("język: polski");
        await Expect(activity).ToContainTextAsync("notatka: Called the customer");
        await Expect(activity).ToContainTextAsync("przypisany do: anna@example.com");
        await Expect(activity).ToContainTextAsync("aż wystąpi ponownie (razy): 3; powód: known import glitch");
        // No field is shown by its wire name.
        foreach (var key in new[] { "assignee:", "text:", "untilOccurrences:", "reason:", "language:", "events:", "endpoints:" })
        {
            await Expect(activity).Not.ToContainTextAsync(key);
        }

        await activity.ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "activity-fields-pl.png");
    }

    private static async Task<string> SeedOneErrorAsync(RunningStandalone host)
    {
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "1001", SyncFailures.InvalidEmail)]);
        var errors = await Eventually.MatchesAsync(
            async () => await host.GetJsonAsync($"/api/tenants/{Tenant}/errors"),
            list => list.GetProperty("items").GetArrayLength() == 1,
            TimeSpan.FromSeconds(60),
            "the reported failure classified into one error");
        return errors.GetProperty("items")[0].GetProperty("id").GetString()!;
    }
}

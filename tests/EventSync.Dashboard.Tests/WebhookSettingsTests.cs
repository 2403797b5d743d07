using EventSync.Core.Webhooks;
using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using EventSync.Testing.Standalone;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>
/// The Webhooks part of the settings dialog: an admin adds an endpoint with a secret and saves it; the list shows it
/// without the secret; Test sends a delivery and says so; the deliveries the store records are listed; a refusal names
/// the endpoint and its field; also at 400 px.
/// </summary>
public sealed class WebhookSettingsTests
{
    private const string Tenant = "acme-eu";
    private const string Url = "https://hooks.acme.example/eventsync/incoming";
    private const string Secret = "a-receivers-secret-0123456789";

    [Fact]
    public async Task Should_add_save_list_without_the_secret_and_test_an_endpoint_when_an_admin_uses_the_settings_dialog()
    {
        HeadlessChromium.SkipWhenMissing();
        // Nothing listens on the port: the worker's first attempt is refused at once and recorded (retrying).
        var url = $"http://127.0.0.1:{FreePorts.Next()}/eventsync/incoming";
        await using var host = await RunningStandalone.StartAsync(settings: ["EventSync:Webhooks:AllowPrivateAddresses=true"]);
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "2001", SyncFailures.InvalidEmail)]);
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);

        await page.GetByTestId("open-settings").ClickAsync();
        await Expect(page.GetByTestId("webhooks-none")).ToBeVisibleAsync();
        await AddEndpointAsync(page, url);
        await page.GetByTestId("webhooks-save").ClickAsync();

        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Webhooks saved.");
        var item = page.GetByTestId("webhook-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.GetByTestId("webhook-item-url")).ToHaveTextAsync(url);
        await Expect(item).ToContainTextAsync("New errors, Resolved errors");
        await Expect(item.GetByTestId("webhook-item-secret")).ToHaveTextAsync("Secret set (not shown)");
        await Expect(page.GetByTestId("activity-row").First).ToContainTextAsync("Changed the webhooks");
        await Expect(page.GetByTestId("activity-row").First).ToContainTextAsync("webhooks: not set → ops-alerts");
        Assert.DoesNotContain(Secret, await page.GetByTestId("settings").InnerHTMLAsync(), StringComparison.Ordinal);
        var stored = Assert.Single(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(Tenant, TestContext.Current.CancellationToken));
        Assert.Equal(("ops-alerts", url, Secret), (stored.Id, stored.Url, stored.Secret));
        Assert.Equal(["error.new", "error.resolved"], stored.Events);

        await item.GetByTestId("webhook-test").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToContainTextAsync("Test delivery sent to ops-alerts");
        // The page reads the deliveries again until the worker's record of the test shows, whatever its outcome.
        var row = page.GetByTestId("delivery-row").Filter(new() { HasText = "ops-alerts" });
        await Eventually.HoldsAsync(
            async () =>
            {
                await page.GetByTestId("deliveries-refresh").ClickAsync();
                return await row.CountAsync() > 0;
            },
            TimeSpan.FromSeconds(60),
            "the worker recorded the test delivery and the page lists it");
        await Expect(row.First).ToContainTextAsync("Test");
        await Expect(row.First).ToContainTextAsync(new System.Text.RegularExpressions.Regex("Delivered|Retrying|Failed|Gave up"));
        await page.GetByTestId("webhooks").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "webhooks-settings.png");

        // Editing keeps the secret when the field is left empty.
        await item.GetByTestId("webhook-edit").ClickAsync();
        await Expect(page.GetByTestId("webhook-secret-hint")).ToHaveTextAsync("Leave empty to keep the saved secret.");
        await page.GetByTestId("webhook-event-digest").CheckAsync();
        await page.GetByTestId("webhook-apply").ClickAsync();
        await page.GetByTestId("webhooks-save").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Webhooks saved.");
        stored = Assert.Single(await host.Services.GetRequiredService<IWebhookStore>().GetEndpointsAsync(Tenant, TestContext.Current.CancellationToken));
        Assert.Equal((Secret, 3), (stored.Secret, stored.Events.Count));
    }

    [Fact]
    public async Task Should_fit_the_webhooks_and_their_deliveries_in_a_400_px_wide_screen()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "2002", SyncFailures.InvalidEmail)]);
        await host.Services.GetRequiredService<IWebhookStore>().ReplaceEndpointsAsync(
            Tenant, [new WebhookEndpoint("ops-alerts", Url + "/with/a/rather/long/path/that/must/wrap?token=0123456789abcdef", Secret, WebhookFormats.Slack, WebhookEvents.Subscribable, Enabled: false)],
            TestContext.Current.CancellationToken);
        await host.Services.GetRequiredService<IWebhookStore>().RecordDeliveryAsync(
            Tenant, new WebhookDeliveryOutcome("delivery-2", "ops-alerts", WebhookEvents.Digest, 3, "retrying", 503, "Service Unavailable", DateTimeOffset.UtcNow), TestContext.Current.CancellationToken);
        await using var browser = await OperatorBrowser.OpenAsync(400, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);

        await page.GetByTestId("open-settings").ClickAsync();
        await Expect(page.GetByTestId("webhook-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("delivery-row")).ToContainTextAsync("Retrying");
        await Expect(page.GetByTestId("delivery-detail")).ToHaveTextAsync("Service Unavailable");
        await page.GetByTestId("webhook-item").GetByTestId("webhook-edit").ClickAsync();
        await page.GetByTestId("webhook-url").FillAsync("http://hooks.acme.example/plain");
        await page.GetByTestId("webhook-apply").ClickAsync();
        await page.GetByTestId("webhooks-save").ClickAsync();
        // The API's problem names endpoints[0].url; the page names the endpoint by its id.
        await Expect(page.GetByTestId("webhooks-error")).ToContainTextAsync("ops-alerts · url: Must be an https:// address");
        await page.GetByTestId("webhook-item").GetByTestId("webhook-edit").ClickAsync();
        await page.GetByTestId("webhooks").ScrollIntoViewIfNeededAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=\"settings\"]').scrollWidth - document.querySelector('[data-testid=\"settings\"]').clientWidth");
        Assert.True(overflow <= 0, $"The settings dialog is {overflow} px wider than the screen allows.");
        var dialog = await page.GetByTestId("settings").BoundingBoxAsync();
        Assert.True(dialog is not null && dialog.X >= 0 && dialog.X + dialog.Width <= 400, $"The dialog spans {dialog?.X} to {dialog?.X + dialog?.Width} px.");
        await Screenshots.SaveAsync(page, "webhooks-settings-400.png");
    }

    private static async Task AddEndpointAsync(IPage page, string url)
    {
        await page.GetByTestId("webhook-add").ClickAsync();
        await page.GetByTestId("webhook-id").FillAsync("ops-alerts");
        await page.GetByTestId("webhook-url").FillAsync(url);
        await Expect(page.GetByTestId("webhook-secret-hint")).ToContainTextAsync("16 to 256 characters");
        await page.GetByTestId("webhook-secret").FillAsync(Secret);
        await page.GetByTestId("webhook-event-digest").UncheckAsync();
        await page.GetByTestId("webhook-event-error.resolved").CheckAsync();
        await page.GetByTestId("webhook-apply").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToContainTextAsync("press Save webhooks");
    }
}

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
/// The Webhooks part of the settings dialog, where each action takes effect at once: the editor's Save sends the list and
/// closes the editor; a refusal keeps the editor open with each problem next to its field; the page itself stops the
/// obvious mistakes; Remove asks, then saves; Test says the delivery is queued and the deliveries list shows how it went;
/// the secret is never shown; also at 400 px.
/// </summary>
public sealed class WebhookSettingsTests
{
    private const string Tenant = "acme-eu";
    private const string Url = "https://hooks.acme.example/eventsync/incoming";
    private const string Secret = "a-receivers-secret-0123456789";

    [Fact]
    public async Task Should_save_list_without_the_secret_test_and_remove_an_endpoint_at_once_when_an_admin_uses_the_settings_dialog()
    {
        HeadlessChromium.SkipWhenMissing();
        // Nothing listens on the port: the worker's first attempt is refused at once and recorded (retrying).
        var url = $"http://127.0.0.1:{FreePorts.Next()}/eventsync/incoming";
        await using var host = await RunningStandalone.StartAsync(settings: ["EventSync:Webhooks:AllowPrivateAddresses=true"]);
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "2001", SyncFailures.InvalidEmail)]);
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        var store = host.Services.GetRequiredService<IWebhookStore>();
        var cancellation = TestContext.Current.CancellationToken;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);

        await page.GetByTestId("open-settings").ClickAsync();
        await Expect(page.GetByTestId("webhooks-none")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("webhooks-save")).ToHaveCountAsync(0);

        // The page stops what the API would refuse, next to each field, without sending it.
        await page.GetByTestId("webhook-add").ClickAsync();
        await page.GetByTestId("webhook-id").FillAsync("ops alerts!");
        await page.GetByTestId("webhook-url").FillAsync(url);
        await page.GetByTestId("webhook-secret").FillAsync("short");
        await page.GetByTestId("webhook-save").ClickAsync();
        await Expect(page.GetByTestId("webhook-id-error")).ToHaveTextAsync("Use only letters, digits, - and _ (at most 64).");
        await Expect(page.GetByTestId("webhook-secret-error")).ToHaveTextAsync("Use 16 to 256 characters; this one has 5.");
        await Expect(page.GetByTestId("webhook-id")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByTestId("webhook-url-error")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("webhook-form")).ToBeVisibleAsync();
        Assert.Empty(await store.GetEndpointsAsync(Tenant, cancellation));
        await page.GetByTestId("webhook-cancel").ClickAsync();

        await AddEndpointAsync(page, url);
        await page.GetByTestId("webhook-save").ClickAsync();

        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Webhook ops-alerts saved.");
        await Expect(page.GetByTestId("webhook-form")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("webhook-id-error")).ToBeHiddenAsync();
        var item = page.GetByTestId("webhook-item");
        await Expect(item).ToHaveCountAsync(1);
        await Expect(item.GetByTestId("webhook-item-url")).ToHaveTextAsync(url);
        await Expect(item).ToContainTextAsync("New errors, Resolved errors");
        await Expect(item.GetByTestId("webhook-item-secret")).ToHaveTextAsync("Secret set (not shown)");
        await Expect(page.GetByTestId("activity-row").First).ToContainTextAsync("Changed the webhooks");
        await Expect(page.GetByTestId("activity-row").First).ToContainTextAsync("webhooks: ops-alerts added");
        Assert.DoesNotContain(Secret, await page.GetByTestId("settings").InnerHTMLAsync(), StringComparison.Ordinal);
        var stored = Assert.Single(await store.GetEndpointsAsync(Tenant, cancellation));
        Assert.Equal(("ops-alerts", url, Secret), (stored.Id, stored.Url, stored.Secret));
        Assert.Equal(["error.new", "error.resolved"], stored.Events);

        // Every listed endpoint is saved, so Test is always there; the message says queued, not sent, and no delivery id.
        await Expect(item.GetByTestId("webhook-test")).ToBeEnabledAsync();
        await item.GetByTestId("webhook-test").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Test delivery queued for ops-alerts; its outcome appears under Recent deliveries.");
        await Expect(page.GetByTestId("webhooks-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\binfo\b"));
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
        await page.GetByTestId("webhook-save").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Webhook ops-alerts saved.");
        stored = Assert.Single(await store.GetEndpointsAsync(Tenant, cancellation));
        Assert.Equal((Secret, 3), (stored.Secret, stored.Events.Count));

        // Remove asks first, then removes it from the store at once.
        string? asked = null;
        page.Dialog += (_, dialog) =>
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        };
        await item.GetByTestId("webhook-remove").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Webhook ops-alerts removed.");
        Assert.Equal("Remove webhook ops-alerts? Deliveries to it stop.", asked);
        await Expect(page.GetByTestId("webhooks-none")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("webhooks-status")).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfailed\b"));
        Assert.Empty(await store.GetEndpointsAsync(Tenant, cancellation));
    }

    [Fact]
    public async Task Should_keep_a_refused_edit_open_with_the_problem_next_to_its_field_in_a_400_px_wide_screen()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "2002", SyncFailures.InvalidEmail)]);
        var store = host.Services.GetRequiredService<IWebhookStore>();
        var cancellation = TestContext.Current.CancellationToken;
        var longUrl = Url + "/with/a/rather/long/path/that/must/wrap?token=0123456789abcdef";
        await store.ReplaceEndpointsAsync(
            Tenant, [new WebhookEndpoint("ops-alerts", longUrl, Secret, WebhookFormats.Slack, WebhookEvents.Subscribable, Enabled: false)],
            cancellation);
        await store.RecordDeliveryAsync(
            Tenant, new WebhookDeliveryOutcome("delivery-2", "ops-alerts", WebhookEvents.Digest, 3, "retrying", 503, "Service Unavailable", DateTimeOffset.UtcNow), cancellation);
        await using var browser = await OperatorBrowser.OpenAsync(400, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);

        await page.GetByTestId("open-settings").ClickAsync();
        await Expect(page.GetByTestId("webhook-item")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("delivery-row")).ToContainTextAsync("Retrying");
        await Expect(page.GetByTestId("delivery-detail")).ToHaveTextAsync("Service Unavailable");
        await page.GetByTestId("webhook-item").GetByTestId("webhook-edit").ClickAsync();
        await page.GetByTestId("webhook-url").FillAsync("http://hooks.acme.example/plain");
        await page.GetByTestId("webhook-save").ClickAsync();

        // The API refuses endpoints[0].url: the editor stays open with what was typed, the message next to the address.
        await Expect(page.GetByTestId("webhook-url-error")).ToContainTextAsync("Must be an https:// address");
        await Expect(page.GetByTestId("webhook-form")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("webhook-url")).ToHaveValueAsync("http://hooks.acme.example/plain");
        await Expect(page.GetByTestId("webhook-form-error")).ToHaveTextAsync("The webhooks are not valid; nothing was saved.");
        await Expect(page.GetByTestId("webhooks-error")).ToBeHiddenAsync();
        Assert.DoesNotContain("endpoints[", await page.GetByTestId("webhooks").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(longUrl, Assert.Single(await store.GetEndpointsAsync(Tenant, cancellation)).Url);
        await page.GetByTestId("webhooks").ScrollIntoViewIfNeededAsync();

        var overflow = await page.EvaluateAsync<int>("() => document.querySelector('[data-testid=\"settings\"]').scrollWidth - document.querySelector('[data-testid=\"settings\"]').clientWidth");
        Assert.True(overflow <= 0, $"The settings dialog is {overflow} px wider than the screen allows.");
        var dialog = await page.GetByTestId("settings").BoundingBoxAsync();
        Assert.True(dialog is not null && dialog.X >= 0 && dialog.X + dialog.Width <= 400, $"The dialog spans {dialog?.X} to {dialog?.X + dialog?.Width} px.");
        var deliveriesOverflow = await page.GetByTestId("deliveries-table").EvaluateAsync<double>("table => table.parentElement.scrollWidth - table.parentElement.clientWidth");
        Assert.True(deliveriesOverflow <= 0, $"The deliveries table is {deliveriesOverflow} px wider than its box.");
        await Screenshots.SaveAsync(page, "webhooks-settings-400.png");

        // A language switch writes the open editor again and keeps what was typed and the problem shown.
        await page.EvaluateAsync("() => { const s = document.querySelector('[data-testid=\"language\"]'); s.value = 'pl'; s.dispatchEvent(new Event('change')); }");
        await Expect(page.GetByTestId("webhook-form-title")).ToHaveTextAsync("Zmień webhook");
        await Expect(page.GetByTestId("webhook-save")).ToHaveTextAsync("Zapisz");
        await Expect(page.GetByTestId("webhook-secret-hint")).ToHaveTextAsync("Zostaw puste, aby zachować zapisany sekret.");
        await Expect(page.GetByTestId("webhook-event-digest").Locator("xpath=..")).ToHaveTextAsync("Podsumowania");
        await Expect(page.GetByTestId("webhook-url")).ToHaveValueAsync("http://hooks.acme.example/plain");
        await Expect(page.GetByTestId("webhook-url-error")).ToBeVisibleAsync();
        await page.GetByTestId("webhook-save").ScrollIntoViewIfNeededAsync();
        await Screenshots.SaveAsync(page, "webhooks-settings-editor-pl.png");
        await page.EvaluateAsync("() => { const s = document.querySelector('[data-testid=\"language\"]'); s.value = 'en'; s.dispatchEvent(new Event('change')); }");
        await Expect(page.GetByTestId("webhook-save")).ToHaveTextAsync("Save");

        // Put right, it saves, and the old red messages go.
        await page.GetByTestId("webhook-url").FillAsync(Url);
        await page.GetByTestId("webhook-save").ClickAsync();
        await Expect(page.GetByTestId("webhooks-status")).ToHaveTextAsync("Webhook ops-alerts saved.");
        await Expect(page.GetByTestId("webhook-form")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("webhook-url-error")).ToBeHiddenAsync();
        await Expect(page.GetByTestId("webhook-form-error")).ToBeHiddenAsync();
        var stored = Assert.Single(await store.GetEndpointsAsync(Tenant, cancellation));
        Assert.Equal((Url, Secret), (stored.Url, stored.Secret));
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
    }
}

using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Standalone;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>An operator who reads the dashboard in Polish reads the server's refusals in Polish too, next to the field they name.</summary>
public sealed class ServerMessagesInPolishTests
{
    private const string Tenant = "acme-eu";

    [Fact]
    public async Task Should_show_the_servers_polish_message_next_to_the_recipients_when_an_invalid_email_is_refused()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        await host.ReportFailuresAsync([SyncFailures.ToSalesforce(Tenant, "101", SyncFailures.InvalidEmail)]);
        await using var browser = await OperatorBrowser.OpenAsync(1280, 900);
        var page = browser.Page;
        await DashboardSignIn.WithInvalidEmailCardAsync(page, host, Tenant, host.AdminKey);
        await page.GetByTestId("language").SelectOptionAsync("pl");
        await Expect(page.GetByTestId("card-invalid-email")).ToContainTextAsync("bieżący błąd");

        await page.GetByTestId("open-settings").ClickAsync();
        await page.GetByTestId("settings-enabled").CheckAsync();
        await page.GetByTestId("settings-recipients").FillAsync("ops@example.com\nnot-an-address");
        await page.GetByTestId("settings-timezone").FillAsync("Europe/Warsaw");
        await page.GetByTestId("settings-save").ClickAsync();

        await Expect(page.GetByTestId("settings-recipients-error")).ToHaveTextAsync(
            "'not-an-address' nie jest adresem e-mail (wpisz sam adres, np. imie@example.com, z nazwą domeny, np. example.com; najwyżej 64 znaków przed @ i 254 łącznie).");
        await Expect(page.GetByTestId("settings")).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "server-messages-pl.png");
    }
}

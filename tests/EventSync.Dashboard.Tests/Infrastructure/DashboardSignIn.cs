using EventSync.Testing.Standalone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests.Infrastructure;

/// <summary>Signs in on the dashboard's page with a tenant and a key, and waits until the tenant's invalid-email card shows.</summary>
public static class DashboardSignIn
{
    public static async Task WithInvalidEmailCardAsync(IPage page, RunningStandalone host, string tenant, string key)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(host);
        await page.GotoAsync(host.Address.ToString());
        await page.GetByTestId("login-tenant").FillAsync(tenant);
        await page.GetByTestId("login-key").FillAsync(key);
        await page.GetByTestId("login-submit").ClickAsync();
        await Expect(page.GetByTestId("card-invalid-email")).ToBeVisibleAsync();
    }
}

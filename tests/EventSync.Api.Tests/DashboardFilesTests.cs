using System.Net;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>/</c> serves the dashboard page from the output's <c>Dashboard</c> folder, without a key. The real page is used when
/// the build copied it; otherwise a stand-in page is written for a host of this test's own, and removed afterwards.
/// </summary>
public sealed class DashboardFilesTests(ApiHost host)
{
    private static readonly string DashboardFolder = Path.Combine(AppContext.BaseDirectory, "Dashboard");

    [Fact]
    public async Task Should_serve_the_dashboard_page_at_the_root_without_a_key_when_the_dashboard_folder_exists()
    {
        if (File.Exists(Path.Combine(DashboardFolder, "index.html")) && HostStartedWithDashboard)
        {
            await AssertServesPageAsync(host);
            return;
        }

        var created = !Directory.Exists(DashboardFolder);
        var page = Path.Combine(DashboardFolder, "index.html");
        var wrotePage = !File.Exists(page);
        Directory.CreateDirectory(DashboardFolder);
        if (wrotePage)
        {
            await File.WriteAllTextAsync(page, "<!doctype html><html><head><title>EventSync</title></head><body></body></html>", TestContext.Current.CancellationToken);
        }

        var own = new ApiHost();
        try
        {
            await own.InitializeAsync();
            await AssertServesPageAsync(own);
        }
        finally
        {
            await own.DisposeAsync();
            if (wrotePage)
            {
                File.Delete(page);
            }

            if (created)
            {
                Directory.Delete(DashboardFolder, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Should_serve_a_views_page_without_a_key_whatever_the_view_when_the_dashboard_is_there()
    {
        Assert.SkipUnless(HostStartedWithDashboard, "The build copied no dashboard next to the tests.");

        using var response = await host.GetAsync("/views/4f2a9c?tenant=acme", key: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("/view.js", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Should_still_ask_for_a_key_on_tenant_routes_next_to_the_dashboard()
    {
        using var response = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "sync-health"), key: null);

        await Problems.ReadAsync(response, HttpStatusCode.Unauthorized);
    }

    // The shared host checked for the folder when it started; a page copied in later is not served by it.
    private bool HostStartedWithDashboard => host.StartedWithDashboard;

    private static async Task AssertServesPageAsync(ApiHost server)
    {
        using var response = await server.GetAsync("/", key: null);

        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html", body, StringComparison.OrdinalIgnoreCase);
    }
}

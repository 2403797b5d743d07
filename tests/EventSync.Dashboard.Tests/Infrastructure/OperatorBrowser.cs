using Microsoft.Playwright;

namespace EventSync.Dashboard.Tests.Infrastructure;

/// <summary>A headless Chromium page of a given screen size, in English (en-GB), that takes downloads; disposed as one.</summary>
public sealed class OperatorBrowser : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;

    private OperatorBrowser(IPlaywright playwright, IBrowser browser, IPage page)
    {
        _playwright = playwright;
        _browser = browser;
        Page = page;
    }

    public IPage Page { get; }

    public static async Task<OperatorBrowser> OpenAsync(int width, int height)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await HeadlessChromium.LaunchAsync(playwright);
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "en-GB", AcceptDownloads = true });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(HeadlessChromium.WaitMilliseconds);
        return new OperatorBrowser(playwright, browser, page);
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}

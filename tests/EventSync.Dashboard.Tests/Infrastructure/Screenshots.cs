using Microsoft.Playwright;

namespace EventSync.Dashboard.Tests.Infrastructure;

/// <summary>Full-page screenshots kept as the test run's artefacts, in <c>TestResults/</c> beside the test binaries.</summary>
public static class Screenshots
{
    public static async Task SaveAsync(IPage page, string fileName)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.EvaluateAsync("() => window.scrollTo(0, 0)");
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });

        Assert.True(new FileInfo(path).Length > 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"Dashboard screenshot: {path}");
    }
}

using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests.Infrastructure;

/// <summary>Debian's chromium (or EVENTSYNC_TEST_CHROMIUM) driven by Playwright; Playwright never downloads a browser here.</summary>
public static class HeadlessChromium
{
    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("EVENTSYNC_TEST_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Skips the test, with the reason, where no browser is installed.</summary>
    public static void SkipWhenMissing() =>
        Assert.SkipUnless(File.Exists(ExecutablePath), $"No Chromium at {ExecutablePath}: run `bash infra/services.sh` (installs Debian's chromium) or set EVENTSYNC_TEST_CHROMIUM.");

    /// <summary>
    /// How long a page action or an expectation waits. Playwright's expectation timeout is one process-wide setting and the
    /// test classes run in parallel, so it is set here, once, to the same value for every test (a class setting its own could
    /// shorten another's waits while it runs).
    /// </summary>
    public const int WaitMilliseconds = 30_000;

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        ArgumentNullException.ThrowIfNull(playwright);
        SetDefaultExpectTimeout(WaitMilliseconds);
        return playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync",
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }
}

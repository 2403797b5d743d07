using EventSync.Dashboard.Tests.Infrastructure;
using EventSync.Testing.Standalone;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EventSync.Dashboard.Tests;

/// <summary>A developer opens the API reference in a real (headless) browser and sends a request with a key.</summary>
public sealed class ApiReferenceTests
{
    // Zod (inside the reference's bundle) probes whether it may compile code with Function(""); refused, it runs without.
    // That probe is the one refusal the policy may report; a style, script, font or fetch refused would be another.
    private const string ZodEvalProbe = "script-src eval";

    [Fact]
    public async Task Should_render_the_operations_and_send_a_request_with_the_key_without_a_policy_violation_when_a_developer_uses_the_reference()
    {
        HeadlessChromium.SkipWhenMissing();
        await using var host = await RunningStandalone.StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "en-GB" });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(HeadlessChromium.WaitMilliseconds);
        await page.AddInitScriptAsync("""
            window.policyViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.policyViolations.push(`${e.effectiveDirective} ${e.blockedURI}`));
            """);

        await page.GotoAsync(new Uri(host.Address, "reference").ToString());
        await Expect(page.GetByText("Report sync failures (one event or an array)").First).ToBeVisibleAsync();
        await Expect(page.GetByText("NotificationSettings").First).ToBeVisibleAsync();

        var keyField = page.GetByLabel("Value", new() { Exact = true }).First;
        await keyField.FillAsync(host.AdminKey);
        await Expect(keyField).ToHaveValueAsync(host.AdminKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request" }).First.ClickAsync();
        var sent = page.WaitForResponseAsync(r => r.Url.EndsWith("/api/failures", StringComparison.Ordinal));
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).First.ClickAsync();
        var answer = await sent;
        Assert.Equal(host.AdminKey, await answer.Request.HeaderValueAsync(RunningStandalone.ApiKeyHeader));
        Assert.Equal(202, answer.Status);
        await Expect(page.GetByText("202 Accepted").First).ToBeVisibleAsync();
        await SaveScreenshotAsync(page, "api-reference.png");

        Assert.Contains("REQUIRED_FIELD_MISSING", answer.Request.PostData, StringComparison.Ordinal);
        var violations = await page.EvaluateAsync<string[]>("() => window.policyViolations");
        Assert.All(violations, v => Assert.Equal(ZodEvalProbe, v));
    }

    private static async Task SaveScreenshotAsync(IPage page, string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "TestResults", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });

        Assert.True(new FileInfo(path).Length > 0);
        TestContext.Current.TestOutputHelper?.WriteLine($"API reference screenshot: {path}");
    }
}

using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventSync.Core.Webhooks;
using EventSync.Testing.Tools;

namespace EventSync.Contracts.Tests;

/// <summary>
/// The receiver's check the notification worker's README shows under "Verifying a webhook", run as written in Python against signatures EventSync
/// makes (<see cref="WebhookSignature"/>): a receiver that copies it accepts a fresh delivery once and refuses the rest.
/// </summary>
public sealed partial class ReadmeWebhookCheckTests
{
    private const string NotificationsReadme = "services/EventSync.Notifications/README.md";
    private const string Secret = "whsec-readme-7c1e2a";

    [Fact]
    public async Task Should_handle_a_fresh_delivery_once_and_refuse_forged_tampered_and_old_ones_when_the_readme_check_runs()
    {
        Assert.SkipUnless(Python3.IsInstalled, $"{Python3.Path} is not installed (Debian: python3).");
        var snippet = ReadmeCheck().Match(await File.ReadAllTextAsync(RepositoryFiles.PathOf(NotificationsReadme), TestContext.Current.CancellationToken));
        Assert.True(snippet.Success, $"{NotificationsReadme} has a Python block under \"Verifying a webhook\".");
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var body = """{"version":1,"id":"d-1","event":"webhook.test","tenantId":"portal-4711","data":{}}""";
        object[] cases =
        [
            Case("fresh", body, now, Sign(Secret, now, body), "d-1"),
            Case("the same delivery again", body, now, Sign(Secret, now, body), "d-1"),
            Case("another secret", body, now, Sign("not-the-secret", now, body), "d-2"),
            Case("body changed after signing", body.Replace("portal-4711", "portal-9000", StringComparison.Ordinal), now, Sign(Secret, now, body), "d-3"),
            Case("ten minutes old", body, now - 600, Sign(Secret, now - 600, body), "d-4"),
            Case("no signature", body, now, "", "d-5"),
        ];
        var script = snippet.Groups["code"].Value + """

            import json, sys
            seen = set()
            for case in json.load(open(sys.argv[1])):
                headers = {"X-EventSync-Timestamp": case["timestamp"], "X-EventSync-Signature": case["signature"], "X-EventSync-Delivery": case["delivery"]}
                print(check(case["secret"], headers, case["body"].encode(), seen))
            """;
        var scriptFile = Path.Combine(Path.GetTempPath(), $"eventsync-readme-check-{Guid.NewGuid():N}.py");
        var casesFile = Path.ChangeExtension(scriptFile, ".json");
        await File.WriteAllTextAsync(scriptFile, script, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(casesFile, JsonSerializer.Serialize(cases), TestContext.Current.CancellationToken);
        try
        {
            var (exitCode, output) = await Python3.RunAsync(scriptFile, casesFile);

            Assert.True(exitCode == 0, output);
            Assert.Equal(["handle", "duplicate", "refuse", "refuse", "refuse", "refuse"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        finally
        {
            File.Delete(scriptFile);
            File.Delete(casesFile);
        }
    }

    private static object Case(string name, string body, long timestamp, string signature, string delivery) =>
        new { name, secret = Secret, body, timestamp = $"{timestamp}", signature, delivery };

    private static string Sign(string secret, long timestamp, string body) => WebhookSignature.Sign(secret, timestamp, Encoding.UTF8.GetBytes(body));

    [GeneratedRegex(@"### Verifying a webhook.*?```python\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ReadmeCheck();
}

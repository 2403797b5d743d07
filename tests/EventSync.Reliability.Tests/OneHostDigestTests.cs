using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Email;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace EventSync.Reliability.Tests;

/// <summary>
/// Two notification processes on one host share one SQLite store file and both look for due digests every two seconds:
/// each period's digest still goes out once. A "daily" digest due every minute makes the periods come quickly. Runs the
/// built services as child processes on the shared broker and a real SMTP server.
/// </summary>
public sealed class OneHostDigestTests
{
    private static readonly TimeSpan StartDeadline = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(200);

    [Fact]
    public async Task Should_send_each_periods_digest_once_when_two_notification_processes_share_one_store_file()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        Directory.CreateDirectory(dataDir.Path);
        await using var smtp = await SmtpCatcher.StartAsync();
        var tenant = SyncFailures.NewTenant("one-host-digest");
        await using (var stores = await StoreFile.OpenAsync(dataDir.Path))
        {
            await StoreFile.SeedAsync(stores.GetRequiredService<ISyncErrorStore>(), tenant, 3, DateTimeOffset.UtcNow.AddMinutes(-5), 1000, cancellationToken);
            await stores.GetRequiredService<INotificationSettingsStore>().SaveAsync(
                new NotificationSettings(tenant, true, DigestFrequency.Daily, ["ops@example.com"], "UTC", "en"), cancellationToken);
        }

        string[] settings =
        [
            $"--ConnectionStrings:smtp={smtp.ConnectionString}",
            "--EventSync:Notifications:DailyCron=0 * * ? * *",
            "--EventSync:Notifications:DigestCheckCron=0/2 * * * * ?",
        ];
        using var http = new HttpClient();
        await using var first = await ServiceProcess.StartReadyAsync("EventSync.Notifications", broker.Uri, dataDir.Path, http, StartDeadline, settings);
        await using var second = await ServiceProcess.StartReadyAsync("EventSync.Notifications", broker.Uri, dataDir.Path, http, StartDeadline, settings);

        // Two periods' digests have arrived: by then both processes had many chances at the first period.
        var periods = await Eventually.MatchesAsync(
            () => Task.FromResult(PeriodsOf(smtp.Messages)),
            seen => seen.Distinct(StringComparer.Ordinal).Count() >= 2,
            Deadline,
            "the digests of two periods arrive");

        Assert.True(
            periods.Count == periods.Distinct(StringComparer.Ordinal).Count(),
            $"A period's digest went out more than once: {string.Join("; ", periods)}\nfirst:\n{first.Output}\nsecond:\n{second.Output}");
    }

    // Each digest names its period in a line of its text ("Period: ... - ... (UTC)").
    private static List<string> PeriodsOf(IReadOnlyList<MimeMessage> messages) =>
        [.. messages.Select(m => (m.TextBody ?? "").Split('\n').Select(l => l.Trim()).First(l => l.EndsWith("(UTC)", StringComparison.Ordinal)))];
}

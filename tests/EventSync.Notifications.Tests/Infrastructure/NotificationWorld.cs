using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Notifications;
using EventSync.Core.Storage;
using EventSync.Core.Webhooks;
using EventSync.Notifications.Digests;
using EventSync.Notifications.Extensions;
using EventSync.Notifications.Jobs;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Storage.Sqlite.Extensions;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Email;
using EventSync.Testing.Hosts;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>
/// What a broker test runs against: the real broker (held with <see cref="BrokerLock"/>, notification queues deleted
/// before and after), an SMTP catcher, one embedded store file that every worker host the test starts opens itself (as
/// worker processes on one host share it), and a fake clock all hosts read.
/// </summary>
public sealed class NotificationWorld : IAsyncDisposable
{
    private readonly TestBroker _broker;
    private readonly BrokerLock _lock;
    private readonly TemporaryDataDir _dataDir;
    private readonly ServiceProvider _stores;
    private readonly List<WebApplication> _hosts = [];

    private NotificationWorld(TestBroker broker, BrokerLock brokerLock, SmtpCatcher smtp, TemporaryDataDir dataDir, ServiceProvider stores, FakeTimeProvider time)
    {
        _broker = broker;
        _lock = brokerLock;
        Smtp = smtp;
        _dataDir = dataDir;
        _stores = stores;
        Time = time;
    }

    public SmtpCatcher Smtp { get; }

    /// <summary>The test's own view of the store file the workers share.</summary>
    public IDigestClaimStore DigestClaims => _stores.GetRequiredService<IDigestClaimStore>();

    public ISyncErrorStore Errors => _stores.GetRequiredService<ISyncErrorStore>();

    public INotificationSettingsStore Settings => _stores.GetRequiredService<INotificationSettingsStore>();

    public IWebhookStore Webhooks => _stores.GetRequiredService<IWebhookStore>();

    public FakeTimeProvider Time { get; }

    public Uri Broker => _broker.Uri!;

    /// <summary>Skips the test (with the reason) when no broker can be had.</summary>
    public static async Task<NotificationWorld> StartAsync(DateTimeOffset now)
    {
        var ct = TestContext.Current.CancellationToken;
        var broker = await TestBroker.StartAsync(ct);
        if (broker.Uri is null)
        {
            await broker.DisposeAsync();
            Assert.Skip(TestBroker.SkipReason);
        }

        var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, ct);
        await NotificationQueues.DeleteAllAsync(broker.Uri, ct);
        var dataDir = new TemporaryDataDir();
        var stores = new ServiceCollection()
            .AddSqliteStorage(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["EventSync:DataDir"] = dataDir.Path }).Build())
            .BuildServiceProvider();
        await stores.GetRequiredService<IStoreLifecycle>().InitializeAsync(ct);
        return new NotificationWorld(broker, brokerLock, await SmtpCatcher.StartAsync(), dataDir, stores, new FakeTimeProvider(now));
    }

    /// <summary>Starts a notification worker host on the broker, the catcher, the shared store and the fake clock.</summary>
    public async Task<WebApplication> StartWorkerAsync(params string[] settings)
    {
        var app = await TestHosts.StartAsync(
            () => ServiceHost.Build(
                TestHosts.Arguments(
                [
                    $"--ConnectionStrings:rabbitmq={Broker}",
                    $"--ConnectionStrings:smtp={Smtp.ConnectionString}",
                    $"--EventSync:DataDir={_dataDir.Path}",
                    "--EventSync:Messaging:RetryLimit=2",
                    "--EventSync:Messaging:RetryMinInterval=00:00:00.050",
                    "--EventSync:Messaging:RetryMaxInterval=00:00:00.200",
                    .. settings,
                ]),
                builder =>
                {
                    builder.AddNotificationWorker();
                    builder.Services.AddSingleton<TimeProvider>(Time);
                }),
            TestContext.Current.CancellationToken);
        _hosts.Add(app);
        return app;
    }

    /// <summary>Waits until a host's start-up runs of both jobs finished (Quartz removes a one-shot trigger once its job completed).</summary>
    public static async Task StartupRunsFinishedAsync(IServiceProvider host)
    {
        ArgumentNullException.ThrowIfNull(host);
        var scheduler = await host.GetRequiredService<ISchedulerFactory>().GetScheduler(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(
            async () => await scheduler.GetTrigger(PublishDueDigestsJob.StartupTrigger, TestContext.Current.CancellationToken) is null
                && await scheduler.GetTrigger(FlushAlertWindowsJob.StartupTrigger, TestContext.Current.CancellationToken) is null,
            TimeSpan.FromSeconds(30),
            "the start-up runs of the notification jobs finished");
    }

    /// <summary>Runs the due-digest check of the host now (what its Quartz job does) and returns the commands it published.</summary>
    public static async Task<IReadOnlyList<SendErrorDigest>> PublishDueAsync(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DueDigestPublisher>().PublishDueAsync(TestContext.Current.CancellationToken);
    }

    public async Task StopWorkerAsync(WebApplication app)
    {
        _hosts.Remove(app);
        await TestHosts.StopAsync(app);
    }

    public Task SaveSettingsAsync(string tenantId, DigestFrequency frequency, string timeZone = "Europe/Warsaw", string language = "en") =>
        Settings.SaveAsync(new NotificationSettings(tenantId, true, frequency, ["ops@example.com"], timeZone, language), TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts.ToList())
        {
            await TestHosts.StopAsync(host);
        }

        await NotificationQueues.DeleteAllAsync(Broker, CancellationToken.None);
        await _lock.DisposeAsync();
        await _broker.DisposeAsync();
        await Smtp.DisposeAsync();
        await _stores.DisposeAsync();
        _dataDir.Dispose();
    }
}

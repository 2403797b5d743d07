using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing.Hosts;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace EventSync.Testing.Harness;

/// <summary>
/// A worker host composed as its Program.cs composes it (<c>ServiceHost.Build</c> and the worker's <c>AddXxxWorker</c>),
/// with MassTransit's test harness for its bus (<see cref="HarnessBus"/>) and the embedded store in a folder of its own:
/// the real consumers and store, no broker.
/// </summary>
public sealed class HarnessHost : IAsyncDisposable
{
    // Failures that may pass are retried as configured, only sooner.
    private static readonly string[] Defaults =
    [
        "--ConnectionStrings:rabbitmq=",
        "--ConnectionStrings:mongodb=",
        "--EventSync:Messaging:RetryMinInterval=00:00:00.010",
        "--EventSync:Messaging:RetryMaxInterval=00:00:00.100",
    ];

    private readonly WebApplication _app;
    private readonly TemporaryDataDir _dataDir;

    private HarnessHost(WebApplication app, TemporaryDataDir dataDir)
    {
        _app = app;
        _dataDir = dataDir;
    }

    public IServiceProvider Services => _app.Services;

    public ITestHarness Harness => Services.GetRequiredService<ITestHarness>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary><paramref name="compose"/> is the worker's composition (and what the test adds); <paramref name="settings"/> are command-line settings.</summary>
    public static async Task<HarnessHost> StartAsync(Action<WebApplicationBuilder> compose, params string[] settings)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var dataDir = new TemporaryDataDir();
        var arguments = TestHosts.Arguments([.. Defaults, $"--EventSync:DataDir={dataDir.Path}", .. settings]);
        var app = await TestHosts.StartAsync(
            () => ServiceHost.Build(arguments, builder =>
            {
                compose(builder);
                builder.Services.AddEventSyncTestHarness();
            }),
            Ct);
        return new HarnessHost(app, dataDir);
    }

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    /// <summary>Publishes <paramref name="message"/> and returns its message id, by which the test awaits its consumption.</summary>
    public async Task<Guid> PublishAsync<T>(T message)
        where T : class
    {
        var messageId = NewId.NextGuid();
        await Harness.Bus.Publish(message, context => context.MessageId = messageId, Ct);
        return messageId;
    }

    /// <summary>Waits until a consumer finished with the message of that id, and fails if it faulted.</summary>
    public async Task ConsumedAsync<T>(Guid messageId, string what)
        where T : class
    {
        Assert.True(await Harness.Consumed.Any<T>(m => m.Context.MessageId == messageId, Ct), $"Not consumed within {HarnessBus.Timeout.TotalSeconds:0} s: {what}");
        Assert.Null(Harness.Consumed.Select<T>(m => m.Context.MessageId == messageId, Now).First().Exception);
    }

    /// <summary>Waits for the first published message <paramref name="which"/> accepts, and returns it with its context.</summary>
    public async Task<IPublishedMessage<T>> PublishedAsync<T>(Func<T, bool> which, string what)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(which);
        Assert.True(await Harness.Published.Any<T>(m => which(m.Context.Message), Ct), $"Not published within {HarnessBus.Timeout.TotalSeconds:0} s: {what}");
        return Harness.Published.Select<T>(m => which(m.Context.Message), Now).First();
    }

    /// <summary>The messages of type <typeparamref name="T"/> sent so far, without waiting for more.</summary>
    public IReadOnlyList<T> SentSoFar<T>()
        where T : class => [.. SendsSoFar<T>().Select(c => c.Message)];

    /// <summary>What was sent so far, each with its send context (message id, headers).</summary>
    public IReadOnlyList<SendContext<T>> SendsSoFar<T>()
        where T : class => [.. Harness.Sent.Select<T>(Now).Select(m => m.Context)];

    /// <summary>What was published so far, each with its publish context (message id, headers).</summary>
    public IReadOnlyList<PublishContext<T>> PublishesSoFar<T>()
        where T : class => [.. Harness.Published.Select<T>(Now).Select(m => m.Context)];

    public async ValueTask DisposeAsync()
    {
        await TestHosts.StopAsync(_app);
        _dataDir.Dispose();
    }

    // A cancelled token makes the harness's lists return what they hold, without waiting for more.
    private static CancellationToken Now => new(canceled: true);
}

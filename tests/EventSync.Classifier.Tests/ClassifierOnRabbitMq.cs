using EventSync.Classifier.Extensions;
using EventSync.Core.Errors;
using EventSync.Core.Usage;
using EventSync.ServiceDefaults.Hosting;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

[assembly: AssemblyFixture(typeof(EventSync.Classifier.Tests.ClassifierOnRabbitMq))]

namespace EventSync.Classifier.Tests;

/// <summary>
/// The classifier service as it runs in production, on a real RabbitMQ broker and its own SQLite file, shared by every test
/// of this assembly (tests stay apart by tenant), with a sync engine without MassTransit and a downstream listener.
/// </summary>
public sealed class ClassifierOnRabbitMq : IAsyncLifetime
{
    private readonly TemporaryDataDir _dataDir = new();
    private TestBroker? _broker;
    private BrokerLock? _lock;
    private WebApplication? _host;
    private EnginePublisher? _engine;
    private ClassifiedEvents? _classified;

    public IServiceProvider Services => Host.Services;

    public ISyncErrorStore Store => Services.GetRequiredService<ISyncErrorStore>();

    public IApiUsageStore UsageStore => Services.GetRequiredService<IApiUsageStore>();

    public IBus Bus => Services.GetRequiredService<IBus>();

    public Uri Broker => _broker?.Uri ?? throw new InvalidOperationException(TestBroker.SkipReason);

    public EnginePublisher Engine => _engine ?? throw new InvalidOperationException(TestBroker.SkipReason);

    public ClassifiedEvents Classified => _classified ?? throw new InvalidOperationException(TestBroker.SkipReason);

    public DeliveryLog Deliveries { get; } = new();

    private WebApplication Host => _host ?? throw new InvalidOperationException(TestBroker.SkipReason);

    /// <summary>Every test calls this first: without a broker it is reported skipped, never passed.</summary>
    public void SkipUnlessBrokerAvailable() => Assert.SkipUnless(HasBroker, TestBroker.SkipReason);

    /// <summary>Whether a broker was found; without one every test of the assembly reports itself skipped.</summary>
    public bool HasBroker => _broker?.Uri is not null;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        _broker = await TestBroker.StartAsync(cancellationToken);
        if (_broker.Uri is not { } broker)
        {
            return;
        }

        _lock = await BrokerLock.AcquireAsync(broker, cancellationToken);
        _host = await TestHosts.StartAsync(() => BuildClassifier(broker), cancellationToken);
        _engine = await EnginePublisher.ConnectAsync(broker, cancellationToken);
        _classified = await ClassifiedEvents.ListenAsync(broker, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_classified is not null)
        {
            await _classified.DisposeAsync();
        }

        if (_engine is not null)
        {
            await _engine.DisposeAsync();
        }

        await TestHosts.StopAsync(_host);
        if (_lock is not null)
        {
            await _lock.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync();
        }

        _dataDir.Dispose();
    }

    private WebApplication BuildClassifier(Uri broker)
    {
        var app = ServiceHost.Build(
            TestHosts.Arguments($"--ConnectionStrings:rabbitmq={broker}", $"--EventSync:DataDir={_dataDir.Path}"),
            builder => builder.AddClassifierWorker());
        app.Services.GetRequiredService<IBus>().ConnectReceiveObserver(Deliveries);
        return app;
    }
}

using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>
/// The broker for one test, held under <see cref="BrokerLock"/> for the whole test, with the resync queues deleted before
/// and after. Dispose it after the hosts (declare it first).
/// </summary>
public sealed class BrokerSession : IAsyncDisposable
{
    private readonly TestBroker _broker;
    private readonly BrokerLock _lock;

    private BrokerSession(TestBroker broker, BrokerLock brokerLock, Uri uri)
    {
        _broker = broker;
        _lock = brokerLock;
        Uri = uri;
    }

    public Uri Uri { get; }

    public TemporaryDataDir DataDir { get; } = new();

    public static async Task<BrokerSession> StartAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var broker = await TestBroker.StartAsync(cancellationToken);
        if (broker.Uri is null)
        {
            await broker.DisposeAsync();
            Assert.Skip(TestBroker.SkipReason);
        }

        var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        await ResyncQueues.DeleteAllAsync(broker.Uri, cancellationToken);
        return new BrokerSession(broker, brokerLock, broker.Uri);
    }

    public async ValueTask DisposeAsync()
    {
        await ResyncQueues.DeleteAllAsync(Uri, CancellationToken.None);
        await _lock.DisposeAsync();
        await _broker.DisposeAsync();
        DataDir.Dispose();
    }
}

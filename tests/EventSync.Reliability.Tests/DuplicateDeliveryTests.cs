using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.DependencyInjection;

namespace EventSync.Reliability.Tests;

/// <summary>
/// At-least-once delivery means the same event can arrive twice: an engine publishes a whole batch again (after lost
/// confirms, say), or copies arrive interleaved, in the same batch of the consumer. The effect is exactly once.
/// </summary>
public sealed class DuplicateDeliveryTests
{
    private const int RepublishedRecords = 500;
    private const int InterleavedRecords = 300;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_store_and_announce_each_event_once_when_whole_batches_are_delivered_twice_and_interleaved()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        using var dataDir = new TemporaryDataDir();
        var deliveries = new DeliveryLog();
        await using var host = await InProcessClassifier.StartAsync(broker.Uri, dataDir.Path, deliveries, cancellationToken);
        var store = host.Services.GetRequiredService<ISyncErrorStore>();
        await using var classified = await ClassifiedEvents.ListenAsync(broker.Uri, cancellationToken);
        await using var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken);
        var published = new PublishedFailures("duplicates");
        var batch = published.Create(RepublishedRecords);
        var interleavedOnce = published.Create(InterleavedRecords);
        var interleaved = interleavedOnce.Concat(interleavedOnce).OrderBy(_ => Random.Shared.Next()).ToList();

        await engine.PublishManyAsync(EnginePublisher.SyncFailures, batch, cancellationToken);
        await engine.PublishManyAsync(EnginePublisher.SyncFailures, batch, cancellationToken);
        await engine.PublishManyAsync(EnginePublisher.SyncFailures, interleaved, cancellationToken);
        var deliveredTwice = 2 * (RepublishedRecords + InterleavedRecords);

        await Eventually.HoldsAsync(
            () => Task.FromResult(deliveries.Consumed(published.Tenant) == deliveredTwice),
            Deadline,
            "the classifier consumed every copy to the end");
        var unique = batch.Concat(interleavedOnce).ToList();
        Assert.Empty(await StoredFailures.DifferencesAsync(store, published, unique, cancellationToken));
        var announced = await Eventually.MatchesAsync(
            () => Task.FromResult(classified.Received.Where(e => e.TenantId == published.Tenant).ToList()),
            events => events.Count >= unique.Count,
            Deadline,
            "every error is announced");

        await host.StopAsync();
        Assert.Empty(await StoredFailures.DifferencesInFileAsync(dataDir.Path, published, unique, cancellationToken));
        Assert.Equal(unique.Count, classified.Received.Count(e => e.TenantId == published.Tenant));
        Assert.All(announced, e => Assert.Equal(ErrorOccurrence.New, e.Occurrence));
        Assert.Empty(await BrokerQueues.DrainAsync(broker.Uri, ClassifierQueues.SyncFailureReportedError, cancellationToken));
    }
}

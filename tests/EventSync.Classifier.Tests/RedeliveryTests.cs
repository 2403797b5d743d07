using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Broker;

namespace EventSync.Classifier.Tests;

/// <summary>At-least-once delivery: an engine that publishes an event again (after a lost confirm, say) must not inflate counts.</summary>
public sealed class RedeliveryTests(ClassifierOnRabbitMq classifier)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_count_the_event_once_when_the_same_event_is_delivered_twice()
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var tenant = SyncFailures.NewTenant("redelivery");
        var failure = SyncFailures.ToSalesforce(tenant, "9907072", SyncFailures.ValidationRule);
        var errorId = SyncErrorKeys.ErrorId(tenant, "contact", "hs:9907072", SyncFailures.ValidationRuleType);

        await classifier.Engine.PublishAsync(EnginePublisher.SyncFailures, failure, cancellationToken);
        await Eventually.MatchesAsync(
            () => classifier.Store.GetAsync(tenant, errorId, cancellationToken),
            error => error is not null,
            Deadline,
            "the first delivery is stored");
        await classifier.Engine.PublishAsync(EnginePublisher.SyncFailures, failure, cancellationToken);
        await Eventually.HoldsAsync(
            () => Task.FromResult(classifier.Deliveries.Consumed(failure.EventId) == 2),
            Deadline,
            "the classifier consumed the second delivery to the end");

        var error = await classifier.Store.GetAsync(tenant, errorId, cancellationToken);
        Assert.Equal(1, error!.Occurrences);
        Assert.Equal([failure.EventId], error.RecentEventIds);
        Assert.Equal(new ErrorCard("custom-code", SyncFailures.ValidationRuleType, 1, 1), Assert.Single(await classifier.Store.GetErrorCardsAsync(tenant, cancellationToken)));
        var announced = await Eventually.MatchesAsync(
            () => Task.FromResult(classifier.Classified.Received.Where(e => e.TenantId == tenant).ToList()),
            events => events.Count > 0,
            Deadline,
            "the error is announced");
        Assert.Equal(ErrorOccurrence.New, Assert.Single(announced).Occurrence);
    }
}

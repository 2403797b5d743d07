using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Testing;

namespace EventSync.Classifier.Tests;

/// <summary>A .NET sync engine that references the contracts and publishes through MassTransit's own topology.</summary>
public sealed class MassTransitPublisherTests(ClassifierOnRabbitMq classifier)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_store_the_error_and_announce_it_as_new_when_a_failure_is_published_with_MassTransit()
    {
        classifier.SkipUnlessBrokerAvailable();
        var tenant = SyncFailures.NewTenant("masstransit");
        var failure = SyncFailures.ToSalesforce(tenant, "8866910", SyncFailures.DuplicateRule, objectType: "lead");
        var errorId = SyncErrorKeys.ErrorId(tenant, "lead", "hs:8866910", SyncFailures.DuplicateRuleType);

        await classifier.Bus.Publish(failure, TestContext.Current.CancellationToken);

        var stored = await Eventually.MatchesAsync(
            () => classifier.Store.GetAsync(tenant, errorId, TestContext.Current.CancellationToken),
            error => error is not null,
            Deadline,
            "the duplicate-rule error is stored");
        Assert.Equal(SyncFailures.DuplicateRuleType, stored!.ErrorType);
        Assert.Equal("duplicates", stored.Category);
        Assert.Equal(SyncErrorState.Open, stored.State);
        Assert.Equal(1, stored.Occurrences);
        Assert.Equal(failure.EventId, stored.LastEventId);

        var announced = await Eventually.MatchesAsync(
            () => Task.FromResult(classifier.Classified.Received.Where(e => e.TenantId == tenant).ToList()),
            events => events.Count > 0,
            Deadline,
            "a SyncErrorClassified of the tenant is published");
        var classified = Assert.Single(announced);
        Assert.Equal(ErrorOccurrence.New, classified.Occurrence);
        Assert.Equal(errorId, classified.ErrorId);
        Assert.Equal(failure.EventId, classified.EventId);
        Assert.Equal(SyncFailures.DuplicateRuleType, classified.ErrorType);
        Assert.Equal("sf-sync-eu-1", classified.EngineId);
        Assert.False(classified.Retryable);
    }
}

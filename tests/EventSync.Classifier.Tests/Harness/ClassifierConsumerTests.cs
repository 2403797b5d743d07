using EventSync.Classifier.Extensions;
using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Harness;
using MassTransit;

namespace EventSync.Classifier.Tests.Harness;

/// <summary>The classifier's consumers on MassTransit's test harness: the worker's own composition and store, no broker.</summary>
public sealed class ClassifierConsumerTests : IAsyncLifetime
{
    private HarnessHost? _host;

    private HarnessHost Host => _host!;

    private ISyncErrorStore Store => Host.Get<ISyncErrorStore>();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _host = await HarnessHost.StartAsync(builder => builder.AddClassifierWorker());

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task Should_store_the_classified_error_and_publish_SyncErrorClassified_when_a_failure_is_reported()
    {
        var tenant = SyncFailures.NewTenant("harness-failure");
        var failure = SyncFailures.ToSalesforce(tenant, "8866910", SyncFailures.DuplicateRule, objectType: "lead");
        var errorId = SyncErrorKeys.ErrorId(tenant, "lead", "hs:8866910", SyncFailures.DuplicateRuleType);

        await Host.PublishAsync(failure);

        var published = await Host.PublishedAsync<SyncErrorClassified>(m => m.TenantId == tenant, "the error is announced");
        var announced = published.Context.Message;
        Assert.Equal((errorId, failure.EventId, ErrorOccurrence.New), (announced.ErrorId, announced.EventId, announced.Occurrence));
        Assert.Equal(("duplicates", SyncFailures.DuplicateRuleType, "sf-sync-eu-1"), (announced.Category, announced.ErrorType, announced.EngineId));
        Assert.False(announced.Retryable);
        Assert.NotNull(published.Context.MessageId);
        var stored = await Store.GetAsync(tenant, errorId, Ct);
        Assert.Equal((SyncErrorState.Open, 1, failure.EventId), (stored!.State, stored.Occurrences, stored.LastEventId));
        Assert.Equal(new ErrorCard("duplicates", SyncFailures.DuplicateRuleType, 1, 1), Assert.Single(await Store.GetErrorCardsAsync(tenant, Ct)));
    }

    [Fact]
    public async Task Should_count_a_recurrence_and_announce_it_as_recurring_when_the_record_fails_again_the_same_way()
    {
        var tenant = SyncFailures.NewTenant("harness-recurring");
        var first = SyncFailures.ToSalesforce(tenant, "4711", SyncFailures.InvalidEmail);
        var again = SyncFailures.ToSalesforce(tenant, "4711", SyncFailures.InvalidEmail);
        var errorId = SyncErrorKeys.ErrorId(tenant, "contact", "hs:4711", SyncFailures.InvalidEmailType);

        await Host.PublishAsync(first);
        await Host.PublishedAsync<SyncErrorClassified>(m => m.EventId == first.EventId, "the first failure is announced");
        await Host.PublishAsync(again);
        var recurring = await Host.PublishedAsync<SyncErrorClassified>(m => m.EventId == again.EventId, "the second failure is announced");

        Assert.Equal((errorId, ErrorOccurrence.Recurring), (recurring.Context.Message.ErrorId, recurring.Context.Message.Occurrence));
        var stored = await Store.GetAsync(tenant, errorId, Ct);
        Assert.Equal(2, stored!.Occurrences);
        Assert.Equal(new ErrorCard("property-values", SyncFailures.InvalidEmailType, 1, 1), Assert.Single(await Store.GetErrorCardsAsync(tenant, Ct)));
    }

    [Fact]
    public async Task Should_resolve_the_records_current_error_when_the_record_synced()
    {
        var tenant = SyncFailures.NewTenant("harness-synced");
        var failure = SyncFailures.ToSalesforce(tenant, "5522", SyncFailures.ValidationRule);
        var errorId = SyncErrorKeys.ErrorId(tenant, "contact", "hs:5522", SyncFailures.ValidationRuleType);
        await Host.PublishAsync(failure);
        await Host.PublishedAsync<SyncErrorClassified>(m => m.EventId == failure.EventId, "the failure is announced");

        var synced = new RecordSynced { EventId = Guid.NewGuid().ToString(), TenantId = tenant, ObjectType = "contact", HubSpotId = "5522", SyncedAt = DateTimeOffset.UtcNow };
        await Host.PublishAsync(synced);

        var resolved = await Eventually.MatchesAsync(
            () => Store.GetAsync(tenant, errorId, Ct),
            e => e?.State == SyncErrorState.Resolved,
            HarnessBus.Timeout,
            "the error is resolved");
        Assert.Equal(synced.SyncedAt, resolved!.ResolvedAt);
        Assert.Empty(await Store.GetErrorCardsAsync(tenant, Ct));
        var announced = await Host.PublishedAsync<SyncErrorResolved>(m => m.TenantId == tenant, "the resolution is announced");
        Assert.Equal((errorId, "contact", "5522", synced.SyncedAt), (announced.Context.Message.ErrorId, announced.Context.Message.ObjectType, announced.Context.Message.HubSpotId, announced.Context.Message.ResolvedAt));
        Assert.Equal(SyncFailures.ValidationRuleType, announced.Context.Message.ErrorType);
    }

    [Fact]
    public async Task Should_fault_the_event_unread_and_store_nothing_when_it_fails_wire_validation()
    {
        var tenant = SyncFailures.NewTenant("harness-invalid");
        var invalid = SyncFailures.ToSalesforce(tenant, "36909", SyncFailures.DuplicateRule) with { Errors = [] };
        var valid = SyncFailures.ToSalesforce(tenant, "36910", SyncFailures.DuplicateRule);

        var messageId = await Host.PublishAsync(invalid);
        await Host.PublishAsync(valid);

        var fault = await Host.PublishedAsync<ReceiveFault>(f => f.FaultedMessageId == messageId, "the invalid event is faulted as it is read");
        Assert.Contains("errors: must hold at least one error", Assert.Single(fault.Context.Message.Exceptions).Message, StringComparison.Ordinal);
        await Host.PublishedAsync<SyncErrorClassified>(m => m.EventId == valid.EventId, "the valid event published after it is announced");
        Assert.False(await Host.Harness.Consumed.Any<SyncFailureReported>(m => m.Context.MessageId == messageId, new CancellationToken(canceled: true)));
        Assert.Null(await Store.GetAsync(tenant, SyncErrorKeys.ErrorId(tenant, "contact", "hs:36909", SyncFailures.DuplicateRuleType), Ct));
        Assert.Equal(1, Assert.Single(await Store.GetErrorCardsAsync(tenant, Ct)).CurrentErrors);
    }

    [Fact]
    public async Task Should_keep_the_newest_figures_when_api_usage_is_reported()
    {
        var tenant = SyncFailures.NewTenant("harness-usage");
        var reportedAt = DateTimeOffset.UtcNow.AddMinutes(-1);

        var messageId = await Host.PublishAsync(new ApiUsageReported { TenantId = tenant, CallsLast24h = 4_200, SalesforceDailyLimit = 15_000, ReportedAt = reportedAt });

        await Host.ConsumedAsync<ApiUsageReported>(messageId, "the usage report is consumed");
        var usage = await Host.Get<IApiUsageStore>().GetUsageAsync(tenant, Ct);
        Assert.Equal((4_200L, 15_000L, reportedAt), (usage!.UsedLast24h, usage.SalesforceLimit, usage.ReportedAt));
    }
}

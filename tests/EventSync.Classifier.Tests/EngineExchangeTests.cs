using EventSync.Contracts;
using EventSync.Core.Errors;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Broker;

namespace EventSync.Classifier.Tests;

/// <summary>Sync engines in other languages: plain JSON to the durable fanout exchanges, no MassTransit envelope.</summary>
public sealed class EngineExchangeTests(ClassifierOnRabbitMq classifier)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData(EnginePublisher.JsonContentType)]
    [InlineData(null)]
    public async Task Should_classify_and_store_the_error_when_an_engine_publishes_plain_json(string? contentType)
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var tenant = SyncFailures.NewTenant("plain-json");
        var failure = SyncFailures.ToSalesforce(tenant, "59897173771", SyncFailures.RestrictedPicklistBulk, objectType: "lead");
        var errorId = SyncErrorKeys.ErrorId(tenant, "lead", "hs:59897173771", SyncFailures.RestrictedPicklistType);

        await classifier.Engine.PublishRawAsync(EnginePublisher.SyncFailures, EnginePublisher.Json(failure), contentType, cancellationToken);

        var stored = await Eventually.MatchesAsync(
            () => classifier.Store.GetAsync(tenant, errorId, cancellationToken),
            error => error is not null,
            Deadline,
            "the restricted-picklist error is stored");
        Assert.Equal(SyncFailures.RestrictedPicklistType, stored!.ErrorType);
        Assert.Equal("picklists", stored.Category);
        Assert.Equal("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", stored.StatusCode);
        Assert.Equal(["LeadSource"], stored.Fields);
        Assert.Equal("salesforce", stored.Source);
        var card = Assert.Single(await classifier.Store.GetErrorCardsAsync(tenant, cancellationToken));
        Assert.Equal(new ErrorCard("picklists", SyncFailures.RestrictedPicklistType, 1, 1), card);
    }

    [Fact]
    public async Task Should_resolve_the_records_errors_when_the_engine_reports_the_record_synced()
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var tenant = SyncFailures.NewTenant("record-synced");
        var failedAt = DateTimeOffset.UtcNow.AddMinutes(-30);
        await classifier.Engine.PublishManyAsync(
            EnginePublisher.SyncFailures,
            [
                SyncFailures.ToSalesforce(tenant, "72652", SyncFailures.InvalidEmail, occurredAt: failedAt),
                SyncFailures.ToSalesforce(tenant, "72652", SyncFailures.RequiredFieldMissing, occurredAt: failedAt),
            ],
            cancellationToken);
        await Eventually.MatchesAsync(
            () => classifier.Store.GetErrorCardsAsync(tenant, cancellationToken),
            cards => cards.Sum(c => c.CurrentErrors) == 2,
            Deadline,
            "both errors of the contact are current");

        await classifier.Engine.PublishAsync(
            EnginePublisher.RecordSynced,
            new RecordSynced { EventId = Guid.NewGuid().ToString(), TenantId = tenant, ObjectType = "Contact", HubSpotId = "72652", SyncedAt = DateTimeOffset.UtcNow },
            cancellationToken);

        await Eventually.MatchesAsync(
            () => classifier.Store.GetErrorCardsAsync(tenant, cancellationToken),
            cards => cards.Count == 0,
            Deadline,
            "no card is left for the tenant");
        var resolved = await classifier.Store.GetAsync(tenant, SyncErrorKeys.ErrorId(tenant, "contact", "hs:72652", SyncFailures.InvalidEmailType), cancellationToken);
        Assert.Equal(SyncErrorState.Resolved, resolved!.State);
        Assert.NotNull(resolved.ResolvedAt);
    }

    [Fact]
    public async Task Should_store_the_api_usage_when_the_engine_reports_it()
    {
        classifier.SkipUnlessBrokerAvailable();
        var cancellationToken = TestContext.Current.CancellationToken;
        var tenant = SyncFailures.NewTenant("api-usage");
        // Recent, in whole seconds: the bus refuses times more than a year old, and the figures travel as text.
        var reportedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

        await classifier.Engine.PublishAsync(
            EnginePublisher.ApiUsage,
            new ApiUsageReported { TenantId = tenant, CallsLast24h = 61_250, SalesforceDailyLimit = 100_000, ReportedAt = reportedAt },
            cancellationToken);

        var usage = await Eventually.MatchesAsync(
            () => classifier.UsageStore.GetUsageAsync(tenant, cancellationToken),
            u => u is not null,
            Deadline,
            "the tenant's API usage is stored");
        Assert.Equal(new ApiUsage(tenant, 61_250, 100_000, null, reportedAt), usage);
    }
}

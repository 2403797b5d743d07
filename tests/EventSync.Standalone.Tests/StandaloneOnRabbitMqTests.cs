using EventSync.Contracts;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Standalone;

namespace EventSync.Standalone.Tests;

/// <summary>The standalone host on a real RabbitMQ: a sync engine without MassTransit publishes, the page shows it.</summary>
public sealed class StandaloneOnRabbitMqTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_show_the_errors_and_api_usage_an_engine_published_when_the_host_runs_on_rabbitmq()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        await using var standalone = await RunningStandalone.StartAsync(rabbitMq: broker.Uri);
        await using var engine = await EnginePublisher.ConnectAsync(broker.Uri, cancellationToken);
        var tenant = SyncFailures.NewTenant("standalone-rabbitmq");
        // Recent, in whole seconds: the bus refuses times more than a year old, and the figures travel as text.
        var reportedAt = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.AddMinutes(-5).ToUnixTimeSeconds());

        await engine.PublishManyAsync(
            EnginePublisher.SyncFailures,
            [
                SyncFailures.ToSalesforce(tenant, "8866910", SyncFailures.InvalidEmail),
                SyncFailures.ToSalesforce(tenant, "72652", SyncFailures.InvalidEmail),
                SyncFailures.ToSalesforce(tenant, "72652", SyncFailures.InvalidEmail),
                SyncFailures.ToSalesforce(tenant, "9907072", SyncFailures.InvalidEmail),
                SyncFailures.ToHubSpot(tenant, "00QDn00000hoHvtMAE", SyncFailures.HubSpotContactExists, objectType: "lead"),
                SyncFailures.ToSalesforce(tenant, "92368030307", SyncFailures.RowLock, objectType: "lead"),
            ],
            cancellationToken);
        await engine.PublishAsync(
            EnginePublisher.ApiUsage,
            new ApiUsageReported { TenantId = tenant, CallsLast24h = 48_900, SalesforceDailyLimit = 150_000, ReportedAt = reportedAt },
            cancellationToken);

        var health = await Eventually.MatchesAsync(
            () => standalone.SyncHealthAsync(tenant),
            h => h.ErrorCards.Sum(c => c.CurrentErrors) >= 4 && h.ApiUsage is not null,
            Deadline,
            "four current errors and the API usage are shown");
        Assert.Equal(
            [
                ("property-values", SyncFailures.InvalidEmailType, 3L, 3L),
                ("duplicates", SyncFailures.HubSpotContactExistsType, 1L, 1L),
            ],
            health.ErrorCards.Select(c => (c.Category, c.ErrorType, c.CurrentErrors, c.AffectedRecords)));
        Assert.Equal(new ApiUsageFigures(48_900, 150_000, null, reportedAt), health.ApiUsage);
    }
}

using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Usage;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Standalone;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;

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

    [Fact]
    public async Task Should_send_each_allocation_change_as_plain_json_on_the_api_allocation_exchange_when_an_admin_sets_and_clears_it()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        await using var standalone = await RunningStandalone.StartAsync(rabbitMq: broker.Uri);
        var tenant = SyncFailures.NewTenant("allocation-engines");
        var received = new ConcurrentQueue<(string? ContentType, string Body)>();
        await using var engine = await ExchangeTap.BindAsync(
            broker.Uri, "eventsync.api-allocation", ExchangeType.Fanout, "", "eventsync-tests allocation engine",
            delivery => received.Enqueue((delivery.BasicProperties.ContentType, Encoding.UTF8.GetString(delivery.Body.Span))),
            cancellationToken);
        await standalone.Services.GetRequiredService<IApiUsageStore>().SaveUsageAsync(tenant, 1_200, 15_000, DateTimeOffset.UtcNow.AddMinutes(-5), cancellationToken);
        var before = DateTimeOffset.UtcNow;

        await standalone.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{tenant}/api-allocation", new { allocatedToHubSpot = 5_000 });
        await standalone.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{tenant}/api-allocation", new { allocatedToHubSpot = (long?)null });

        var ours = await Eventually.MatchesAsync(
            () => Task.FromResult(received.Where(m => m.Body.Contains(tenant, StringComparison.Ordinal)).ToList()),
            messages => messages.Count >= 2,
            Deadline,
            "the set and the cleared allocation reached a queue bound to eventsync.api-allocation");
        Assert.Equal(2, ours.Count);
        Assert.All(ours, m => Assert.Equal("application/json", m.ContentType));
        var set = JsonDocument.Parse(ours[0].Body).RootElement;
        var cleared = JsonDocument.Parse(ours[1].Body).RootElement;
        Assert.Equal(
            ["allocatedToHubSpot", "changedAt", "changedBy", "salesforceDailyLimit", "tenantId"],
            set.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal((tenant, 5_000L, 15_000L, "admin"), (set.GetProperty("tenantId").GetString(), set.GetProperty("allocatedToHubSpot").GetInt64(), set.GetProperty("salesforceDailyLimit").GetInt64(), set.GetProperty("changedBy").GetString()));
        Assert.Equal(JsonValueKind.Null, cleared.GetProperty("allocatedToHubSpot").ValueKind);
        var changes = ours.Select(m => JsonSerializer.Deserialize<ApiAllocationChanged>(m.Body, ContractJson.Options)!).ToList();
        Assert.All(changes, c => Assert.InRange(c.ChangedAt, before, DateTimeOffset.UtcNow));
        Assert.True(changes[0].ChangedAt <= changes[1].ChangedAt);
        Assert.Equal((tenant, (long?)null, (long?)15_000, "admin"), (changes[1].TenantId, changes[1].AllocatedToHubSpot, changes[1].SalesforceDailyLimit, changes[1].ChangedBy));
    }
}

using EventSync.Classifier.Extensions;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Contracts;
using EventSync.ServiceDefaults.Hosting;
using EventSync.ServiceDefaults.Observability;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace EventSync.Classifier.Tests;

/// <summary>
/// What the classifier's log lines carry: the message, correlation, conversation and tenant ids on every line written while
/// a message is consumed, the tenants on a batch's own line. Runs on the in-memory transport with the real consumers and a
/// sink that keeps the host's Serilog events.
/// </summary>
public sealed class LoggingTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    private readonly TemporaryDataDir _dataDir = new();
    private readonly CapturedLogEvents _logs = new();
    private WebApplication? _host;

    public async ValueTask InitializeAsync() => _host = await TestHosts.StartAsync(Build, TestContext.Current.CancellationToken);

    public async ValueTask DisposeAsync()
    {
        await TestHosts.StopAsync(_host);
        _dataDir.Dispose();
    }

    [Fact]
    public async Task Should_carry_the_message_correlation_conversation_and_tenant_ids_when_a_line_is_written_while_consuming()
    {
        var tenant = SyncFailures.NewTenant("logging");
        var correlationId = NewId.NextGuid();
        var usage = new ApiUsageReported { TenantId = tenant, CallsLast24h = 4711, SalesforceDailyLimit = 100_000 };

        await _host!.Services.GetRequiredService<IBus>().Publish(usage, context => context.CorrelationId = correlationId, TestContext.Current.CancellationToken);

        var line = await Eventually.MatchesAsync(
            () => Task.FromResult(_logs.Events.FirstOrDefault(e => Scalar(e, "TenantId") == tenant && Scalar(e, "CallsLast24h") == "4711")),
            e => e is not null,
            Deadline,
            "the consumer writes its line about the usage report");
        Assert.Equal(correlationId.ToString(), Scalar(line!, "CorrelationId"));
        Assert.True(Guid.TryParse(Scalar(line!, "MessageId"), out _), "MessageId is on the line");
        Assert.True(Guid.TryParse(Scalar(line!, "ConversationId"), out _), "ConversationId is on the line");
    }

    [Fact]
    public async Task Should_name_the_tenants_and_events_on_the_batch_line_when_failures_are_recorded()
    {
        var tenant = SyncFailures.NewTenant("logging");
        var failure = SyncFailures.ToSalesforce(tenant, "4712", SyncFailures.ValidationRule);

        await _host!.Services.GetRequiredService<IBus>().Publish(failure, TestContext.Current.CancellationToken);

        var line = await Eventually.MatchesAsync(
            () => Task.FromResult(_logs.Events.FirstOrDefault(e => Values(e, "EventIds").Contains(failure.EventId))),
            e => e is not null,
            Deadline,
            "the batch line names the event");
        Assert.Equal([tenant], Values(line!, "TenantIds"));
    }

    [Fact]
    public async Task Should_name_the_tenants_and_records_on_the_batch_line_when_records_synced()
    {
        var tenant = SyncFailures.NewTenant("logging");
        var synced = new RecordSynced { EventId = Guid.NewGuid().ToString(), TenantId = tenant, ObjectType = "contact", HubSpotId = "4713" };

        await _host!.Services.GetRequiredService<IBus>().Publish(synced, TestContext.Current.CancellationToken);

        var line = await Eventually.MatchesAsync(
            () => Task.FromResult(_logs.Events.FirstOrDefault(e => Values(e, "TenantIds").Contains(tenant))),
            e => e is not null,
            Deadline,
            "the batch line names the tenant");
        Assert.Equal(["contact 4713/"], Values(line!, "Records"));
    }

    [Theory]
    [InlineData(null, null, false)]
    [InlineData(null, "true", true)]
    [InlineData("text", "true", false)]
    [InlineData("json", null, true)]
    [InlineData(" JSON ", "false", true)]
    public void Should_write_json_in_containers_unless_configured_otherwise_when_the_format_is_chosen(string? configured, string? inContainer, bool json) =>
        Assert.Equal(json, LogFormat.IsJson(configured, inContainer));

    private static string? Scalar(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: var v } ? v?.ToString() : null;

    private static List<string?> Values(LogEvent e, string name) =>
        e.Properties.TryGetValue(name, out var value) && value is SequenceValue sequence
            ? [.. sequence.Elements.Select(x => (x as ScalarValue)?.Value?.ToString())]
            : [];

    private WebApplication Build() =>
        ServiceHost.Build(
            TestHosts.Arguments($"--EventSync:DataDir={_dataDir.Path}", "--Serilog:MinimumLevel:Override:EventSync.Classifier=Debug"),
            builder =>
            {
                builder.Services.AddSingleton<ILogEventSink>(_logs);
                builder.AddClassifierWorker();
            });
}

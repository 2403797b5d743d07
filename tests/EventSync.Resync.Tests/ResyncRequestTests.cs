using EventSync.Contracts;
using EventSync.Core.Resync;
using EventSync.Resync.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Hosts;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using RabbitMQ.Client;

namespace EventSync.Resync.Tests;

/// <summary>Resync commands on a real RabbitMQ: one ResyncRecord per record, to the engine that owns it, and only there.</summary>
public sealed class ResyncRequestTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_send_one_resync_per_record_when_100_errors_on_60_records_are_requested()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", TestContext.Current.CancellationToken);
        await using var host = await ResyncHost.StartAsync(session.Uri, new FakeTimeProvider(T0), session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("resync-100");
        var errors = await StoredErrors.SeedAsync(host.Errors, tenant, "sf-sync-eu-1", records: 60, withTwo: 40, T0.AddHours(-1));
        Assert.Equal(100, errors.Count);

        await host.PublishAsync(Command(tenant, "request-100", errors.Select(e => e.Id)));

        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count >= 60), Deadline, "60 resyncs reached the engine");
        var records = engine.Records;
        Assert.Equal(60, records.Select(r => r.HubSpotId).Distinct().Count());
        Assert.All(records, r => Assert.Equal("request-100", r.RequestId));
        Assert.Equal(errors.Select(e => e.Id).Order(), records.SelectMany(r => r.ErrorIds).Order());
        Assert.Equal(40, records.Count(r => r.ErrorIds.Count == 2));
        var request = await Eventually.MatchesAsync(
            () => host.Requests.GetRequestAsync(tenant, "request-100", TestContext.Current.CancellationToken),
            r => r is not null && r.Parts.All(p => p.State == ResyncPartState.Sent),
            Deadline,
            "every part of the request is recorded as sent");
        Assert.Equal(60, request!.Parts.Count);
        Assert.All(request.Parts, p => Assert.Equal(T0, p.SentAt));
        Assert.Equal(60, engine.Received.Count);
    }

    [Fact]
    public async Task Should_send_each_record_once_when_the_same_command_is_delivered_twice()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", TestContext.Current.CancellationToken);
        await using var host = await ResyncHost.StartAsync(session.Uri, new FakeTimeProvider(T0), session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("resync-twice");
        var errors = await StoredErrors.SeedAsync(host.Errors, tenant, "sf-sync-eu-1", records: 5, withTwo: 0, T0.AddHours(-1));
        var command = Command(tenant, "request-twice", errors.Select(e => e.Id));
        var deliveries = new DeliveryLog();
        using var observing = host.Services.GetRequiredService<IBus>().ConnectReceiveObserver(deliveries);

        await Task.WhenAll(host.PublishAsync(command), host.PublishAsync(command));

        await Eventually.HoldsAsync(() => Task.FromResult(deliveries.Consumed("request-twice") == 2), Deadline, "both deliveries were consumed");
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count >= 5), Deadline, "the resyncs reached the engine");
        var request = await host.Requests.GetRequestAsync(tenant, "request-twice", TestContext.Current.CancellationToken);
        Assert.All(request!.Parts, p => Assert.Equal(ResyncPartState.Sent, p.State));
        Assert.Equal(5, (await host.Budgets.GetBudgetAsync(tenant, T0, TestContext.Current.CancellationToken)).OwnCalls);
        Assert.Equal(5, engine.Received.Count);
    }

    [Fact]
    public async Task Should_refuse_the_command_with_its_reason_when_it_names_101_error_ids()
    {
        await using var session = await BrokerSession.StartAsync();
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", TestContext.Current.CancellationToken);
        await using var host = await ResyncHost.StartAsync(session.Uri, new FakeTimeProvider(T0), session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("resync-101");
        var errors = await StoredErrors.SeedAsync(host.Errors, tenant, "sf-sync-eu-1", records: 101, withTwo: 0, T0.AddHours(-1));

        await host.PublishAsync(Command(tenant, "request-101", errors.Select(e => e.Id)));

        var fault = await Eventually.MatchesAsync(
            () => ErrorQueueFaultAsync(session.Uri),
            f => f is not null,
            Deadline,
            "the command is in resync-errors_error");
        Assert.Contains("101 error ids; at most 100", fault, StringComparison.Ordinal);
        Assert.Null(await host.Requests.GetRequestAsync(tenant, "request-101", TestContext.Current.CancellationToken));
        Assert.Empty(engine.Received);
    }

    [Fact]
    public async Task Should_reach_each_engine_with_its_own_records_only_when_errors_belong_to_several_engines()
    {
        await using var session = await BrokerSession.StartAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var engineA = await PlainJsonEngine.BindAsync(session.Uri, "engine-a", cancellationToken);
        await using var engineB = await PlainJsonEngine.BindAsync(session.Uri, "engine-b", cancellationToken);
        await using var fallback = await PlainJsonEngine.BindAsync(session.Uri, "default", cancellationToken);
        await using var host = await ResyncHost.StartAsync(session.Uri, new FakeTimeProvider(T0), session.DataDir.Path);
        var tenant = SyncFailures.NewTenant("resync-engines");
        var ofA = await StoredErrors.SeedAsync(host.Errors, tenant, "engine-a", records: 3, withTwo: 0, T0.AddHours(-1));
        var ofB = await StoredErrors.SeedAsync(host.Errors, tenant, "engine-b", records: 2, withTwo: 0, T0.AddHours(-1));
        var ofDotNet = await StoredErrors.SeedAsync(host.Errors, tenant, ResyncHost.MassTransitEngineId, records: 2, withTwo: 0, T0.AddHours(-1));
        var ofNone = await StoredErrors.RecordAsync(host.Errors, StoredErrors.Failure(tenant, "no-engine-1", "", T0.AddHours(-1), SyncFailures.InvalidEmail));

        await host.PublishAsync(Command(tenant, "request-engines", ofA.Concat(ofB).Concat(ofDotNet).Concat(ofNone).Select(e => e.Id)));

        await Eventually.HoldsAsync(
            () => Task.FromResult(engineA.Received.Count >= 3 && engineB.Received.Count >= 2 && fallback.Received.Count >= 1 && host.Received.Resyncs.Count >= 2),
            Deadline,
            "every engine received its resyncs");
        Assert.Equal(ofA.Select(e => e.HubSpotId).Order(), engineA.Records.Select(r => r.HubSpotId).Order());
        Assert.Equal(ofB.Select(e => e.HubSpotId).Order(), engineB.Records.Select(r => r.HubSpotId).Order());
        Assert.Equal(["no-engine-1"], fallback.Records.Select(r => r.HubSpotId));
        Assert.Equal(ofDotNet.Select(e => e.HubSpotId).Order(), host.Received.Resyncs.Select(r => r.HubSpotId).Order());

        // Plain JSON, no MassTransit envelope: the record's fields at the top level.
        Assert.All(engineA.Received, r => Assert.Equal("application/json", r.ContentType));
        Assert.All(engineA.Received, r => Assert.Equal("request-engines", TopLevel(r.Body, "requestId")));
        Assert.All(engineA.Received, r => Assert.Null(TopLevel(r.Body, "messageType")));
        Assert.All(engineA.Records, r => Assert.Equal("engine-a", r.EngineId));
        Assert.Equal("default", Assert.Single(fallback.Records).EngineId);
        Assert.Equal((3, 2, 1), (engineA.Received.Count, engineB.Received.Count, fallback.Received.Count));
    }

    [Fact]
    public async Task Should_complete_the_part_when_the_record_synced_and_fail_it_when_the_error_came_back()
    {
        await using var session = await BrokerSession.StartAsync();
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var engine = await PlainJsonEngine.BindAsync(session.Uri, "sf-sync-eu-1", cancellationToken);
        await using var host = await ResyncHost.StartAsync(session.Uri, new FakeTimeProvider(T0), session.DataDir.Path);
        await using var publisher = await EnginePublisher.ConnectAsync(session.Uri, cancellationToken);
        var tenant = SyncFailures.NewTenant("resync-complete");
        var errors = await StoredErrors.SeedAsync(host.Errors, tenant, "sf-sync-eu-1", records: 2, withTwo: 0, T0.AddHours(-1));

        await host.PublishAsync(Command(tenant, "request-complete", errors.Select(e => e.Id)));
        await Eventually.HoldsAsync(() => Task.FromResult(engine.Received.Count >= 2), Deadline, "both resyncs reached the engine");
        await publisher.PublishAsync(
            EnginePublisher.RecordSynced,
            new RecordSynced { EventId = "synced-1", TenantId = tenant, ObjectType = "Contact", HubSpotId = errors[0].HubSpotId, SyncedAt = T0.AddMinutes(2) },
            cancellationToken);
        await host.PublishAsync(new SyncErrorClassified
        {
            ErrorId = errors[1].Id,
            EventId = "failed-again-1",
            TenantId = tenant,
            Category = errors[1].Category,
            ErrorType = errors[1].ErrorType,
            RuleId = errors[1].RuleId,
            Occurrence = ErrorOccurrence.Recurring,
            OccurredAt = T0.AddMinutes(3),
        });

        var request = await Eventually.MatchesAsync(
            () => host.Requests.GetRequestAsync(tenant, "request-complete", cancellationToken),
            r => r!.Parts.All(p => p.State is ResyncPartState.Completed or ResyncPartState.Failed),
            Deadline,
            "one part completed, the other failed");
        Assert.Equal([ResyncPartState.Completed, ResyncPartState.Failed], request!.Parts.Select(p => p.State));
        Assert.Equal(T0.AddMinutes(2), request.Parts[0].CompletedAt);
        Assert.Contains("failed again", request.Parts[1].Reason, StringComparison.Ordinal);
        Assert.Equal("failed", request.Outcome);
    }

    public static ResyncErrors Command(string tenantId, string requestId, IEnumerable<string> errorIds) => new()
    {
        RequestId = requestId,
        TenantId = tenantId,
        ErrorIds = [.. errorIds],
        RequestedBy = "anna.meier@example.de",
        RequestedAt = T0,
    };

    private static string? TopLevel(string json, string property)
    {
        using var document = System.Text.Json.JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(property, out var value) ? value.ToString() : null;
    }

    private static async Task<string?> ErrorQueueFaultAsync(Uri broker)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var message = await channel.BasicGetAsync(ResyncQueues.ResyncErrorsError, autoAck: false, cancellationToken);
            if (message?.BasicProperties.Headers?.TryGetValue("MT-Fault-Message", out var fault) == true && fault is byte[] bytes)
            {
                return System.Text.Encoding.UTF8.GetString(bytes);
            }

            return null;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return null;
        }
    }
}

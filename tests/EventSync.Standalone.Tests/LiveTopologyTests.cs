using System.Text.Json;
using System.Text.Json.Nodes;
using EventSync.Core.Errors;
using EventSync.Testing;
using EventSync.Testing.Broker;
using EventSync.Testing.Standalone;
using EventSync.Testing.Tools;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Standalone.Tests;

/// <summary>
/// The topology operators pre-provision (<c>infra/rabbitmq/definitions.json</c>, which the AsyncAPI document is checked
/// against) is the topology the services really declare: every service in one host on a real broker, each side checked
/// against the other.
/// </summary>
public sealed class LiveTopologyTests
{
    private const ushort PreconditionFailed = 406;
    private const string DeadLetters = "eventsync.dead-letters";
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Should_run_exactly_the_endpoints_and_declare_the_engine_exchanges_of_the_definitions_file_when_every_service_runs_on_rabbitmq()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);
        await using var brokerLock = await BrokerLock.AcquireAsync(broker.Uri, cancellationToken);
        var definitions = JsonNode.Parse(await File.ReadAllTextAsync(RepositoryFiles.PathOf("infra/rabbitmq/definitions.json"), cancellationToken))!;
        var provisioned = definitions["queues"]!.AsArray().Select(q => (string)q!["name"]!)
            .Where(q => q != DeadLetters && !q.EndsWith("_error", StringComparison.Ordinal) && !q.EndsWith("_skipped", StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        var engineExchanges = definitions["exchanges"]!.AsArray()
            .Select(e => ((string)e!["name"]!, (string)e["type"]!))
            .Where(e => e.Item1.StartsWith("eventsync.", StringComparison.Ordinal) && e.Item1 != DeadLetters)
            .ToList();

        await using var standalone = await RunningStandalone.StartAsync(rabbitMq: broker.Uri);
        var probe = JsonSerializer.Serialize(standalone.Services.GetRequiredService<IBus>().GetProbeResult(cancellationToken));
        await using var connection = await new ConnectionFactory { Uri = broker.Uri }.CreateConnectionAsync(cancellationToken);

        var running = DurableEndpoints(probe);
        Assert.True(
            running.SetEquals(provisioned),
            $"Run but not in the file: [{string.Join(", ", running.Except(provisioned))}]; in the file but not run: [{string.Join(", ", provisioned.Except(running))}].");
        foreach (var queue in provisioned)
        {
            Assert.True(await QueueExistsAsync(connection, queue, cancellationToken), $"{queue} is in the definitions file but the services did not declare it.");
        }

        // The exchanges the services only send to are declared by the first send (engines declare them too): make one of each.
        await SendToEveryEngineAsync(standalone);
        Assert.NotEmpty(engineExchanges);
        foreach (var (exchange, type) in engineExchanges)
        {
            await Eventually.HoldsAsync(
                () => ExchangeHasTypeAsync(connection, exchange, type, cancellationToken), Deadline, $"{exchange} is declared as a durable {type} exchange");
        }
    }

    // An allocation change (eventsync.api-allocation) and a resync of a stored error (eventsync.resync-requests).
    private static async Task SendToEveryEngineAsync(RunningStandalone standalone)
    {
        var tenant = SyncFailures.NewTenant("live-topology");
        await standalone.SendJsonAsync(HttpMethod.Put, $"/api/tenants/{tenant}/api-allocation", new { allocatedToHubSpot = (long?)null });
        await standalone.ReportFailuresAsync([SyncFailures.ToSalesforce(tenant, "4711", SyncFailures.InvalidEmail)]);
        await Eventually.MatchesAsync(() => standalone.SyncHealthAsync(tenant), h => h.ErrorCards.Count > 0, Deadline, "the failure is stored");
        var errorId = SyncErrorKeys.ErrorId(tenant, "contact", "hs:4711", SyncFailures.InvalidEmailType);
        await standalone.SendJsonAsync(HttpMethod.Post, $"/api/tenants/{tenant}/resync", new { errorIds = new[] { errorId } });
    }

    // The queues of the receive endpoints in the bus's probe; temporary ones (the bus's own, readiness) are left out.
    private static HashSet<string> DurableEndpoints(string probe) =>
        ReceiveEndpoints(JsonNode.Parse(probe))
            .Select(e => e["receiveTransport"])
            .Where(t => t is not null && (bool?)t["durable"] == true && (bool?)t["autoDelete"] != true)
            .Select(t => (string)t!["queueName"]!)
            .ToHashSet(StringComparer.Ordinal);

    private static IEnumerable<JsonNode> ReceiveEndpoints(JsonNode? node) =>
        node switch
        {
            JsonObject o => o.SelectMany(p => p.Key == "receiveEndpoint" && p.Value is JsonArray endpoints
                ? endpoints.OfType<JsonNode>()
                : ReceiveEndpoints(p.Value)),
            JsonArray a => a.SelectMany(ReceiveEndpoints),
            _ => [],
        };

    private static async Task<bool> QueueExistsAsync(IConnection connection, string queue, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.QueueDeclarePassiveAsync(queue, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }

    // It must exist (a passive declare), and declaring it again succeeds only with the same type and durability (else 406).
    private static async Task<bool> ExchangeHasTypeAsync(IConnection connection, string exchange, string type, CancellationToken cancellationToken)
    {
        if (!await ExchangeExistsAsync(connection, exchange, cancellationToken))
        {
            return false;
        }

        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclareAsync(exchange, type, durable: true, autoDelete: false, passive: false, cancellationToken: cancellationToken);
            return true;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == PreconditionFailed)
        {
            return false;
        }
    }

    private static async Task<bool> ExchangeExistsAsync(IConnection connection, string exchange, CancellationToken cancellationToken)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            await channel.ExchangeDeclarePassiveAsync(exchange, cancellationToken);
            return true;
        }
        catch (OperationInterruptedException)
        {
            return false;
        }
    }
}

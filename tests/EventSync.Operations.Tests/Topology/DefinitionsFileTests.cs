using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using EventSync.Operations.Tests.Infrastructure;

namespace EventSync.Operations.Tests.Topology;

/// <summary>infra/rabbitmq/definitions*.json: the topology operators pre-provision, as the services declare it.</summary>
public sealed class DefinitionsFileTests
{
    public static TheoryData<string, string?> Files => new()
    {
        { "infra/rabbitmq/definitions.json", null },
        { "infra/rabbitmq/definitions.quorum.json", "quorum" },
    };

    public static TheoryData<string> FileNames => [.. Files.Select(row => row.Data.Item1)];

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Should_declare_the_engine_exchanges_of_the_wire_contract_when_pre_provisioned(string file)
    {
        var exchanges = Load(file)["exchanges"]!.AsArray().ToDictionary(e => (string)e!["name"]!, e => e!);

        Assert.Equal("fanout", (string)exchanges["eventsync.sync-failures"]["type"]!);
        Assert.Equal("fanout", (string)exchanges["eventsync.record-synced"]["type"]!);
        Assert.Equal("fanout", (string)exchanges["eventsync.api-usage"]["type"]!);
        Assert.Equal("topic", (string)exchanges["eventsync.resync-requests"]["type"]!);
        Assert.Equal("fanout", (string)exchanges["eventsync.api-allocation"]["type"]!);
        Assert.All(exchanges.Values, e => Assert.True((bool)e["durable"]! && !(bool)e["auto_delete"]!, $"{e["name"]} must be durable"));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Should_give_every_queue_its_error_and_skipped_queue_with_exchanges_when_pre_provisioned(string file, string? queueType)
    {
        var definitions = Load(file);
        var queues = Names(definitions, "queues");
        var exchanges = Names(definitions, "exchanges");
        var bindings = definitions["bindings"]!.AsArray()
            .Select(b => ((string)b!["source"]!, (string)b["destination"]!, (string)b["destination_type"]!))
            .ToHashSet();
        var endpoints = queues.Where(IsEndpoint).ToList();

        Assert.Superset(new HashSet<string>(["sync-failure-reported", "record-synced", "api-usage-reported"]), endpoints.ToHashSet());
        Assert.All(endpoints, endpoint =>
        {
            foreach (var queue in new[] { endpoint, $"{endpoint}_error", $"{endpoint}_skipped" })
            {
                Assert.Contains(queue, queues);
                Assert.Contains(queue, exchanges);
                Assert.Contains((queue, queue, "queue"), bindings);
            }
        });
        Assert.All(definitions["queues"]!.AsArray(), q => Assert.Equal(queueType, (string?)q!["arguments"]!["x-queue-type"]));
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Should_bind_only_what_is_declared_and_route_engine_exchanges_to_the_classifier_when_pre_provisioned(string file)
    {
        var definitions = Load(file);
        var queues = Names(definitions, "queues");
        var exchanges = Names(definitions, "exchanges");
        var bindings = definitions["bindings"]!.AsArray().Select(b => b!).ToList();

        Assert.All(bindings, b =>
        {
            Assert.Contains((string)b["source"]!, exchanges);
            Assert.Contains((string)b["destination"]!, (string)b["destination_type"]! == "queue" ? queues : exchanges);
        });
        Assert.Contains(bindings, b => (string)b["source"]! == "eventsync.sync-failures" && (string)b["destination"]! == "sync-failure-reported");
        Assert.Contains(bindings, b => (string)b["source"]! == "EventSync.Contracts:SyncFailureReported" && (string)b["destination"]! == "sync-failure-reported");
    }

    [Theory]
    [MemberData(nameof(FileNames))]
    public void Should_limit_redeliveries_of_every_EventSync_queue_and_dead_letter_the_rest_when_pre_provisioned(string file)
    {
        var definitions = Load(file);
        var policy = Assert.Single(definitions["policies"]!.AsArray())!;
        var pattern = new Regex((string)policy["pattern"]!, RegexOptions.None, TimeSpan.FromSeconds(1));
        var deadLetters = (string)policy["definition"]!["dead-letter-exchange"]!;

        Assert.Equal("queues", (string)policy["apply-to"]!);
        Assert.True((int)policy["definition"]!["delivery-limit"]! > 0);
        Assert.All(Names(definitions, "queues").Where(q => q != deadLetters), q => Assert.Matches(pattern, q));
        Assert.DoesNotMatch(pattern, deadLetters);
        Assert.DoesNotMatch(pattern, "other-app-queue");
        Assert.Contains(deadLetters, Names(definitions, "exchanges"));
        Assert.Contains(deadLetters, Names(definitions, "queues"));
    }

    [Fact]
    public void Should_differ_only_in_queue_type_when_quorum()
    {
        var classic = Load("infra/rabbitmq/definitions.json");
        var quorum = Load("infra/rabbitmq/definitions.quorum.json");
        foreach (var queue in quorum["queues"]!.AsArray())
        {
            queue!["arguments"]!.AsObject().Remove("x-queue-type");
        }

        Assert.True(JsonNode.DeepEquals(classic, quorum));
    }

    private static bool IsEndpoint(string queue) =>
        !queue.EndsWith("_error", StringComparison.Ordinal) && !queue.EndsWith("_skipped", StringComparison.Ordinal) && !queue.StartsWith("eventsync.", StringComparison.Ordinal);

    private static HashSet<string> Names(JsonNode definitions, string kind) =>
        definitions[kind]!.AsArray().Select(n => (string)n!["name"]!).ToHashSet(StringComparer.Ordinal);

    private static JsonNode Load(string file) => JsonNode.Parse(Repository.Read(file)) ?? throw new InvalidOperationException($"{file} is empty");
}

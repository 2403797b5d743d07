using System.Text.Json.Nodes;
using EventSync.Testing.Tools;

namespace EventSync.Contracts.Tests;

/// <summary>
/// <c>contracts/asyncapi.yaml</c>: valid for the AsyncAPI parser, in step with the topology operators pre-provision
/// (<c>infra/rabbitmq/definitions.json</c>) and with the JSON Schemas it references.
/// </summary>
public sealed class AsyncApiDocumentTests
{
    private const string DefinitionsFile = "infra/rabbitmq/definitions.json";

    // The broker's own dead-letter exchange (quorum queues): no engine publishes to it. Its queue is in the document.
    private const string DeadLetters = "eventsync.dead-letters";

    private static readonly string[] EngineExchanges = ["eventsync.sync-failures", "eventsync.record-synced", "eventsync.api-usage", "eventsync.resync-requests", "eventsync.api-allocation"];

    [Fact]
    public async Task Should_pass_the_asyncapi_parser_when_the_document_and_its_schema_references_are_read()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var folder = RepositoryFiles.PathOf("contracts/validation");
        if (await NodeTool.EnsurePackageAsync(folder, "@asyncapi/parser", cancellationToken) is { } missing)
        {
            Assert.Skip(missing);
        }

        var (exitCode, output) = await NodeTool.RunAsync(NodeTool.Node!, folder, ["validate-asyncapi.mjs", "../asyncapi.yaml"], cancellationToken);

        var document = AsyncApiDocument.Load();
        Assert.True(exitCode == 0, output);
        Assert.Contains(
            $"valid AsyncAPI 3.0.0; {document.Channels.Count} channels, {document.Operations.Count} operations, {document.Messages.Count} messages "
            + $"({document.PayloadReferences.Count} with an object payload); 0 errors, 0 warnings",
            output,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Should_declare_each_exchange_as_the_definitions_file_does_when_an_engine_uses_it()
    {
        var definitions = Definitions();
        var provisioned = Objects(definitions, "exchanges");
        var documented = AsyncApiDocument.Load().Exchanges.Values.ToList();

        Assert.Equal(EngineExchanges.Order(StringComparer.Ordinal), documented.Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.All(documented, exchange => Assert.Equal(provisioned.GetValueOrDefault(exchange.Name), exchange));
        Assert.Equal(
            documented.Select(e => e.Name).Order(StringComparer.Ordinal),
            provisioned.Keys.Where(name => name.StartsWith("eventsync.", StringComparison.Ordinal) && name != DeadLetters).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Should_list_the_error_queue_of_every_endpoint_an_engine_exchange_feeds_when_operators_watch_them()
    {
        var definitions = Definitions();
        var provisioned = Objects(definitions, "queues");
        var documented = AsyncApiDocument.Load().Queues.Values.ToList();
        var fedByEngines = EngineEndpoints(definitions).Select(endpoint => $"{endpoint}_error");

        Assert.Equal(
            fedByEngines.Append(DeadLetters).Order(StringComparer.Ordinal),
            documented.Select(q => q.Name).Order(StringComparer.Ordinal));
        Assert.All(documented, queue => Assert.Equal(provisioned.GetValueOrDefault(queue.Name), queue));
    }

    [Fact]
    public void Should_send_the_engine_events_and_receive_resync_records_and_allocations_when_read_from_the_engines_side()
    {
        var document = AsyncApiDocument.Load();
        var exchanges = document.Exchanges;

        var actions = document.Operations.Values
            .Select(o => (Action: AsyncApiDocument.Text(o, "action"), exchanges[AsyncApiDocument.ChannelOf(o)].Name, exchanges[AsyncApiDocument.ChannelOf(o)].Type))
            .OrderBy(o => o.Name, StringComparer.Ordinal);

        Assert.Equal(
            [
                ("receive", "eventsync.api-allocation", "fanout"),
                ("send", "eventsync.api-usage", "fanout"),
                ("send", "eventsync.record-synced", "fanout"),
                ("receive", "eventsync.resync-requests", "topic"),
                ("send", "eventsync.sync-failures", "fanout"),
            ],
            actions);
        var resync = document.Channels[exchanges.Single(e => e.Value.Type == "topic").Key];
        Assert.Equal("{engineId}", AsyncApiDocument.Text(resync, "address"));
        Assert.Contains("engineId", AsyncApiDocument.Map(resync, "parameters").Children.Keys.Select(k => k.ToString()));
    }

    [Fact]
    public void Should_reference_an_existing_schema_titled_as_the_message_when_a_message_has_a_payload()
    {
        var references = AsyncApiDocument.Load().PayloadReferences;

        Assert.Equal(["ApiAllocationChanged", "ApiUsageReported", "RecordSynced", "ResyncRecord", "SyncFailureReported"], references.Keys.Order(StringComparer.Ordinal));
        Assert.All(references, reference =>
        {
            Assert.StartsWith("./schemas/", reference.Value, StringComparison.Ordinal);
            var file = RepositoryFiles.PathOf($"contracts/{reference.Value[2..]}");
            Assert.True(File.Exists(file), $"{reference.Key}: {reference.Value} does not exist");
            Assert.Equal(reference.Key, (string?)JsonNode.Parse(File.ReadAllText(file))!["title"]);
        });
    }

    private static JsonObject Definitions() => JsonNode.Parse(File.ReadAllText(RepositoryFiles.PathOf(DefinitionsFile)))!.AsObject();

    private static Dictionary<string, AmqpObject> Objects(JsonObject definitions, string kind) =>
        definitions[kind]!.AsArray().ToDictionary(
            o => (string)o!["name"]!,
            o => new AmqpObject((string)o!["name"]!, (string?)o["type"], (bool)o["durable"]!, (bool)o["auto_delete"]!),
            StringComparer.Ordinal);

    /// <summary>The queues an engine exchange reaches through the exchange-to-exchange bindings of the definitions.</summary>
    private static HashSet<string> EngineEndpoints(JsonObject definitions)
    {
        var bindings = definitions["bindings"]!.AsArray()
            .Select(b => (Source: (string)b!["source"]!, Destination: (string)b["destination"]!, Type: (string)b["destination_type"]!))
            .ToList();
        var reached = new HashSet<string>(StringComparer.Ordinal);
        var exchanges = new Queue<string>(EngineExchanges);
        while (exchanges.TryDequeue(out var exchange))
        {
            foreach (var binding in bindings.Where(b => b.Source == exchange))
            {
                if (binding.Type == "queue")
                {
                    reached.Add(binding.Destination);
                }
                else
                {
                    exchanges.Enqueue(binding.Destination);
                }
            }
        }

        return reached;
    }
}

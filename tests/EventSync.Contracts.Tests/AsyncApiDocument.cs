using EventSync.Testing.Tools;
using YamlDotNet.RepresentationModel;

namespace EventSync.Contracts.Tests;

/// <summary>What the tests need from <c>contracts/asyncapi.yaml</c>: its AMQP exchanges and queues, operations and message payloads.</summary>
internal sealed class AsyncApiDocument
{
    public const string RelativePath = "contracts/asyncapi.yaml";

    private readonly YamlMappingNode _root;

    private AsyncApiDocument(YamlMappingNode root) => _root = root;

    public static AsyncApiDocument Load()
    {
        var yaml = new YamlStream();
        using var reader = new StreamReader(RepositoryFiles.PathOf(RelativePath));
        yaml.Load(reader);
        return new AsyncApiDocument((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public string Version => Text(_root, "asyncapi");

    public IReadOnlyDictionary<string, YamlMappingNode> Channels => Section("channels");

    public IReadOnlyDictionary<string, YamlMappingNode> Operations => Section("operations");

    public IReadOnlyDictionary<string, YamlMappingNode> Messages => Map(Map(_root, "components"), "messages").Children
        .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value, StringComparer.Ordinal);

    /// <summary>The exchanges of channels bound as <c>is: routingKey</c>, by channel key.</summary>
    public IReadOnlyDictionary<string, AmqpObject> Exchanges => AmqpObjects("routingKey", "exchange");

    /// <summary>The queues of channels bound as <c>is: queue</c>, by channel key.</summary>
    public IReadOnlyDictionary<string, AmqpObject> Queues => AmqpObjects("queue", "queue");

    /// <summary>Each component message's payload reference (<c>./schemas/...</c>), for the messages that have one.</summary>
    public IReadOnlyDictionary<string, string> PayloadReferences => Messages
        .Where(m => Map(m.Value, "payload").Children.ContainsKey("$ref"))
        .ToDictionary(m => m.Key, m => Text(Map(m.Value, "payload"), "$ref"), StringComparer.Ordinal);

    /// <summary>The channel key a local reference such as <c>#/channels/syncFailures</c> names.</summary>
    public static string ChannelOf(YamlMappingNode operation) => Text(Map(operation, "channel"), "$ref").Split('/')[^1];

    public static string Text(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[key]).Value!;

    public static YamlMappingNode Map(YamlMappingNode node, string key) => (YamlMappingNode)node.Children[key];

    private Dictionary<string, YamlMappingNode> Section(string key) => Map(_root, key).Children
        .ToDictionary(c => ((YamlScalarNode)c.Key).Value!, c => (YamlMappingNode)c.Value, StringComparer.Ordinal);

    private Dictionary<string, AmqpObject> AmqpObjects(string kind, string objectKey) => Channels
        .Select(c => (c.Key, Amqp: Map(Map(c.Value, "bindings"), "amqp")))
        .Where(c => Text(c.Amqp, "is") == kind)
        .ToDictionary(
            c => c.Key,
            c =>
            {
                var declared = Map(c.Amqp, objectKey);
                return new AmqpObject(
                    Text(declared, "name"),
                    declared.Children.ContainsKey("type") ? Text(declared, "type") : null,
                    bool.Parse(Text(declared, "durable")),
                    bool.Parse(Text(declared, "autoDelete")));
            },
            StringComparer.Ordinal);
}

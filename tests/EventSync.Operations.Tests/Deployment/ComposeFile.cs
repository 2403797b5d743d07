using System.Text.RegularExpressions;
using EventSync.Operations.Tests.Infrastructure;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>docker-compose.yml as compose reads it: YAML with anchors and merge keys resolved (YamlDotNet's MergingParser).</summary>
public sealed partial class ComposeFile
{
    public const string FileName = "docker-compose.yml";

    private ComposeFile(string text, Dictionary<object, object?> root)
    {
        Text = text;
        Root = root;
    }

    public string Text { get; }

    public Dictionary<object, object?> Root { get; }

    public Dictionary<object, object?> Services => Map(Root, "services");

    public static ComposeFile Load()
    {
        var text = Repository.Read(FileName);
        using var reader = new StringReader(text);
        var root = new DeserializerBuilder().Build().Deserialize<Dictionary<object, object?>>(new MergingParser(new Parser(reader)));
        return new ComposeFile(text, root);
    }

    public Dictionary<object, object?> Service(string name) => Map(Services, name);

    /// <summary>Every <c>${NAME...}</c> the file interpolates, with its default (<c>:-</c>) or null.</summary>
    public IReadOnlyDictionary<string, string?> Variables() =>
        Interpolation().Matches(Text)
            .GroupBy(m => m.Groups["name"].Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => m.Groups["default"].Success ? m.Groups["default"].Value : null).First(), StringComparer.Ordinal);

    public static Dictionary<object, object?> Map(Dictionary<object, object?> parent, string key) =>
        Assert.IsType<Dictionary<object, object?>>(parent.GetValueOrDefault(key), exactMatch: false);

    public static List<object?> List(Dictionary<object, object?> parent, string key) =>
        Assert.IsType<List<object?>>(parent.GetValueOrDefault(key), exactMatch: false);

    public static string Scalar(Dictionary<object, object?> parent, string key) =>
        Assert.IsType<string>(parent.GetValueOrDefault(key));

    [GeneratedRegex(@"\$\{(?<name>[A-Z0-9_]+)(?::-(?<default>[^}]*)|:\?[^}]*)?\}")]
    private static partial Regex Interpolation();
}

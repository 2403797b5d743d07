using System.Text.RegularExpressions;

namespace EventSync.Contracts.Tests;

/// <summary>The JSON examples of contracts/README.md, each with the schema of the message its section is about.</summary>
internal static partial class ReadmeExamples
{
    public static IReadOnlyList<(string SchemaFile, string Json)> All { get; } = Read();

    private static List<(string SchemaFile, string Json)> Read()
    {
        var examples = new List<(string, string)>();
        string? schemaFile = null;
        foreach (Match match in HeadingOrJsonBlock().Matches(File.ReadAllText(Path.Combine(ContractSchemas.Directory, "README.md"))))
        {
            if (match.Groups["heading"].Success)
            {
                schemaFile = WireMessages.All.SingleOrDefault(m => m.RecordType.Name == match.Groups["heading"].Value)?.SchemaFile;
            }
            else if (schemaFile is not null)
            {
                examples.Add((schemaFile, match.Groups["json"].Value));
            }
        }

        return examples;
    }

    [GeneratedRegex(@"^###\s+(?<heading>\w+)|^```json\n(?<json>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex HeadingOrJsonBlock();
}

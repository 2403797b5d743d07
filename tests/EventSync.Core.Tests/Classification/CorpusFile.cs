using System.Collections.Concurrent;
using System.Text.Json;
using EventSync.Contracts;

namespace EventSync.Core.Tests.Classification;

/// <summary>A labelled corpus in <c>Corpus/</c>: JSON Lines of <c>{"expected", "note", "event"}</c> (and <c>"source"</c> for real-world texts).</summary>
internal static class CorpusFile
{
    private static readonly ConcurrentDictionary<string, (int Line, string Text)[]> Read = new(StringComparer.Ordinal);

    public static IEnumerable<(int Line, string Text)> Lines(string file) =>
        Read.GetOrAdd(file, name => [.. File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Corpus", name))
            .Select((text, index) => (index + 1, text))
            .Where(l => !string.IsNullOrWhiteSpace(l.text))]);

    public static JsonElement Entry(string file, int line)
    {
        var text = Lines(file).Single(l => l.Line == line).Text;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public static SyncFailureReported Event(string file, int line) =>
        Entry(file, line).GetProperty("event").Deserialize<SyncFailureReported>(ContractJson.Options)!;
}

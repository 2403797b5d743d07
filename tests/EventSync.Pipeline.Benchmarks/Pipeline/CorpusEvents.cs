using System.Text.Json;
using EventSync.Contracts;
using EventSync.Pipeline.Benchmarks.Infrastructure;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>The realistic failure events of the classifier's corpora (every error type and input shape), as templates.</summary>
internal static class CorpusEvents
{
    public static IReadOnlyList<SyncFailureReported> Load()
    {
        var events = Directory.EnumerateFiles(RepositoryPaths.Corpus, "*.jsonl")
            .Order(StringComparer.Ordinal)
            .SelectMany(File.ReadLines)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonDocument.Parse(line).RootElement.GetProperty("event").Deserialize<SyncFailureReported>(ContractJson.Options)!)
            .Where(e => e.Errors.Count > 0)
            .ToList();
        return events.Count > 0 ? events : throw new InvalidOperationException($"No corpus events in {RepositoryPaths.Corpus}.");
    }
}

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Benchmarks;

/// <summary>
/// Classifications per second on one thread over the labelled corpus (every error type, every input shape).
/// Each operation is one event; BenchmarkDotNet reports the time and the bytes allocated per event.
/// </summary>
[MemoryDiagnoser]
public class ClassifierBenchmarks
{
    private const int Events = 256;

    private SyncFailureReported[] _failures = [];
    private string[] _lines = [];
    private SyncFailureClassifier _classifier = null!;

    [GlobalSetup]
    public void Setup()
    {
        var corpus = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "labelled-failures.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event"))
            .Take(Events)
            .ToArray();
        if (corpus.Length < Events)
        {
            throw new InvalidOperationException($"The corpus has {corpus.Length} events; the benchmark needs {Events}.");
        }

        _failures = corpus.Select(e => e.Deserialize<SyncFailureReported>(ContractJson.Options)!).ToArray();
        _lines = corpus.Select(e => e.GetRawText()).ToArray();
        _classifier = SyncFailureClassifier.Default;
    }

    /// <summary>The classifier alone: events already deserialized.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int Classify()
    {
        var retryable = 0;
        foreach (var failure in _failures)
        {
            retryable += _classifier.Classify(failure).Primary.Retryable ? 1 : 0;
        }

        return retryable;
    }

    /// <summary>What <c>eventsync classify</c> does per line: deserialize, then classify.</summary>
    [Benchmark(OperationsPerInvoke = Events)]
    public int DeserializeAndClassify()
    {
        var retryable = 0;
        foreach (var line in _lines)
        {
            var failure = JsonSerializer.Deserialize<SyncFailureReported>(line, ContractJson.Options)!;
            retryable += _classifier.Classify(failure).Primary.Retryable ? 1 : 0;
        }

        return retryable;
    }
}

using System.Text.Json;
using BenchmarkDotNet.Attributes;
using EventSync.Contracts;
using EventSync.Core.Classification;

namespace EventSync.Benchmarks;

/// <summary>Where a classification's time goes: bringing the error into one shape, and the fingerprint.</summary>
[MemoryDiagnoser]
public class ClassifierPartsBenchmarks
{
    private const int Errors = 256;

    private (ReportedError Error, FailureContext Context)[] _errors = [];
    private ErrorClassification[] _classified = [];

    [GlobalSetup]
    public void Setup()
    {
        var failures = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Corpus", "labelled-failures.jsonl"))
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event").Deserialize<SyncFailureReported>(ContractJson.Options)!)
            .Take(Errors)
            .ToArray();
        _errors = failures.Select(f => (f.Errors[0], SyncFailureClassifier.ContextOf(f))).ToArray();
        _classified = failures.Select(f => SyncFailureClassifier.Default.Classify(f).Primary).ToArray();
    }

    [Benchmark(OperationsPerInvoke = Errors)]
    public int Normalize()
    {
        var total = 0;
        foreach (var (error, context) in _errors)
        {
            total += ErrorNormalizer.Normalize(error, context).Code.Length;
        }

        return total;
    }

    [Benchmark(OperationsPerInvoke = Errors)]
    public int Fingerprint()
    {
        var total = 0;
        foreach (var c in _classified)
        {
            total += MessageFingerprint.Compute(c.ErrorType, c.StatusCode ?? "", c.Message ?? "").Length;
        }

        return total;
    }
}

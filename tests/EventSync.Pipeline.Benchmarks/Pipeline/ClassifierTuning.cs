using System.Globalization;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>The classifier's knobs under test; null leaves the service's own setting.</summary>
internal sealed record ClassifierTuning(int? BatchSize, int? BatchTimeLimitMs, int? BatchConcurrency, int? Prefetch, IReadOnlyList<string> WorkerEnvironment)
{
    public IEnumerable<KeyValuePair<string, string>> Environment()
    {
        if (BatchSize is { } size)
        {
            yield return new("EventSync__Classifier__BatchSize", size.ToString(CultureInfo.InvariantCulture));
        }

        if (BatchTimeLimitMs is { } ms)
        {
            yield return new("EventSync__Classifier__BatchTimeLimit", TimeSpan.FromMilliseconds(ms).ToString("c", CultureInfo.InvariantCulture));
        }

        if (BatchConcurrency is { } concurrency)
        {
            yield return new("EventSync__Classifier__BatchConcurrency", concurrency.ToString(CultureInfo.InvariantCulture));
        }

        if (Prefetch is { } prefetch)
        {
            yield return new("EventSync__Messaging__PrefetchCount", prefetch.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var setting in WorkerEnvironment)
        {
            var (name, value) = (setting.Split('=', 2)[0], setting.Split('=', 2).ElementAtOrDefault(1) ?? string.Empty);
            yield return new(name, value);
        }
    }

    public override string ToString() =>
        $"BatchSize={Show(BatchSize)}, BatchTimeLimit={Show(BatchTimeLimitMs, " ms")}, BatchConcurrency={Show(BatchConcurrency)}, PrefetchCount={Show(Prefetch)}" + string.Concat(WorkerEnvironment.Select(e => ", " + e));

    private static string Show(int? value, string unit = "") => value is { } set ? set.ToString(CultureInfo.InvariantCulture) + unit : "(appsettings)";
}

using System.Globalization;
using System.Text.RegularExpressions;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// Where the worker's memory is, from its own <c>/metrics</c> (the runtime's meter): the managed heap per generation
/// after the last collection and the memory the GC has committed. The embedded store's page cache is large arrays,
/// so it shows in the large object heap.
/// </summary>
internal sealed partial record WorkerHeap(IReadOnlyDictionary<string, double> GenerationMiB, double CommittedMiB)
{
    private const double MiB = 1024 * 1024;

    public static async Task<WorkerHeap?> ReadAsync(Uri service, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = service, Timeout = TimeSpan.FromSeconds(10) };
        var text = await http.GetStringAsync("metrics", cancellationToken);
        var generations = HeapSize().Matches(text).ToDictionary(m => m.Groups["generation"].Value, m => Parse(m.Groups["bytes"].Value) / MiB, StringComparer.Ordinal);
        return Committed().Match(text) is { Success: true } committed && generations.Count > 0
            ? new WorkerHeap(generations, Parse(committed.Groups["bytes"].Value) / MiB)
            : null;
    }

    public override string ToString() =>
        string.Join(", ", GenerationMiB.Select(g => $"{g.Key} {g.Value:N0}")) + $" MiB; GC committed {CommittedMiB:N0} MiB";

    private static double Parse(string value) => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex("""^dotnet_gc_last_collection_heap_size_bytes\{[^}]*gc_heap_generation="(?<generation>\w+)"[^}]*\} (?<bytes>[0-9.eE+]+)""", RegexOptions.Multiline)]
    private static partial Regex HeapSize();

    [GeneratedRegex("""^dotnet_gc_last_collection_memory_committed_size_bytes\{[^}]*\} (?<bytes>[0-9.eE+]+)""", RegexOptions.Multiline)]
    private static partial Regex Committed();
}

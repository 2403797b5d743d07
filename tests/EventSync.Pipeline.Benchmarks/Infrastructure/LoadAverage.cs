namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>The 1, 5 and 15 minute load averages from <c>/proc/loadavg</c>, printed beside every figure.</summary>
internal static class LoadAverage
{
    public static string Read() =>
        File.Exists("/proc/loadavg")
            ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(3))
            : "n/a";
}

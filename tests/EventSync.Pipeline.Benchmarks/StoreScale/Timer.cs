using System.Diagnostics;
using EventSync.Pipeline.Benchmarks.Infrastructure;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

internal static class Timer
{
    /// <summary>Runs the operation <paramref name="runs"/> times; the detail is what the last run said it returned.</summary>
    public static async Task<Timing> TimeAsync(string operation, int runs, Func<Task<string>> run)
    {
        var times = new List<double>(runs);
        var detail = string.Empty;
        for (var i = 0; i < runs; i++)
        {
            var start = Stopwatch.GetTimestamp();
            detail = await run();
            times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return new Timing(operation, times, detail, LoadAverage.Read());
    }
}

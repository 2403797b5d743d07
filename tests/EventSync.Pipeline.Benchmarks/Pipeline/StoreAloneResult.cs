namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>The embedded store's own rate for the worker's writes: events classified and written per second.</summary>
internal sealed record StoreAloneResult(int Events, int BatchSize, double Seconds, string LoadAverage)
{
    public double EventsPerSecond => Events / Seconds;
}

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>How fast the store took the errors (bulk writes of <see cref="Chunk"/> events each).</summary>
internal sealed record FillResult(long Errors, long Events, int Chunk, double Seconds, string LoadAverage)
{
    public double ErrorsPerSecond => Errors / Seconds;
}

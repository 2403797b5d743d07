namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>One operation timed several times (milliseconds), the first run kept apart as the cold one.</summary>
internal sealed record Timing(string Operation, IReadOnlyList<double> Milliseconds, string Detail, string LoadAverage)
{
    public double First => Milliseconds[0];

    public double BestWarm => Milliseconds.Count > 1 ? Milliseconds.Skip(1).Min() : Milliseconds[0];

    public double MedianWarm
    {
        get
        {
            var warm = Milliseconds.Count > 1 ? Milliseconds.Skip(1).Order().ToArray() : [.. Milliseconds];
            return warm[warm.Length / 2];
        }
    }
}

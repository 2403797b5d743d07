namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>
/// The CSV export streamed over HTTP to the end, with the serving process's resident memory sampled meanwhile
/// (<see cref="ResidentMiB"/>, in order) to show whether it stays flat.
/// </summary>
internal sealed record ExportResult(long Rows, long Bytes, double Seconds, double FirstByteMs, IReadOnlyList<double> ResidentMiB, double? PeakMiB, string LoadAverage)
{
    public double RowsPerSecond => Rows / Seconds;

    public double MinResidentMiB => ResidentMiB.Count > 0 ? ResidentMiB.Min() : double.NaN;

    public double MaxResidentMiB => ResidentMiB.Count > 0 ? ResidentMiB.Max() : double.NaN;
}

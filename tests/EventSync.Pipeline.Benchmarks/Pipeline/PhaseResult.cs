namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// One phase of failure events through a pipeline: from the first publish to the last event stored, and each event's
/// publish -> stored latency. <see cref="OfferedRate"/> is null when published as fast as possible.
/// </summary>
internal sealed record PhaseResult(
    int Events,
    double? OfferedRate,
    double Seconds,
    double PublishSeconds,
    LatencyPercentiles Latency,
    int AnnouncedUnderOtherId,
    IReadOnlyDictionary<string, int> Occurrences,
    string LoadAverage)
{
    public double EventsPerSecond => Events / Seconds;
}

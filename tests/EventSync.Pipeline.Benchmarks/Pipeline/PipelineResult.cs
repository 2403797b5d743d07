using EventSync.Pipeline.Benchmarks.Reporting;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>Everything one <c>pipeline</c> run measured, as written to its JSON result.</summary>
internal sealed record PipelineResult(
    DateTimeOffset StartedAt,
    MachineInfo Machine,
    string LoadAverageAtStart,
    string LoadAverageAtEnd,
    string Tuning,
    int ResolutionEvery,
    CeilingResult Ceiling,
    PhaseResult Throughput,
    PhaseResult Latency,
    WorkerUsage Worker,
    PhaseResult? EmbeddedThroughput,
    PhaseResult? EmbeddedLatency,
    double? EmbeddedProcessPeakMemoryMiB)
{
    /// <summary>The pipeline's classified-and-stored events per second over the raw ceiling's messages per second.</summary>
    public double Ratio => Throughput.EventsPerSecond / Ceiling.MessagesPerSecond;
}

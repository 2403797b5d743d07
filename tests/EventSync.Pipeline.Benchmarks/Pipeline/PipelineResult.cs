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
    CeilingResult Relay,
    StoreAloneResult StoreAlone,
    PhaseResult Throughput,
    PhaseResult Latency,
    WorkerUsage Worker,
    PhaseResult? EmbeddedThroughput,
    PhaseResult? EmbeddedLatency,
    double? EmbeddedProcessPeakMemoryMiB)
{
    /// <summary>The pipeline's classified-and-stored events per second over the raw ceiling's messages per second.</summary>
    public double Ratio => Throughput.EventsPerSecond / Ceiling.MessagesPerSecond;

    /// <summary>The pipeline over the raw relay (two broker crossings per event, as the pipeline makes).</summary>
    public double RelayRatio => Throughput.EventsPerSecond / Relay.MessagesPerSecond;

    /// <summary>The pipeline over the embedded store's own rate for the same writes.</summary>
    public double StoreRatio => Throughput.EventsPerSecond / StoreAlone.EventsPerSecond;
}

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>What a pipeline run measures and how.</summary>
internal sealed record PipelineSettings(
    int Events,
    double Rate,
    int LatencyEvents,
    int WarmupEvents,
    Uri Broker,
    Uri ManagementApi,
    string? Vhost,
    ushort CeilingPrefetch,
    int InFlight,
    ClassifierTuning Tuning,
    bool Embedded,
    int EventsPerResolution);

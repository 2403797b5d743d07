namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// One message of the workload, as an engine publishes it (plain JSON) and as an object (for in-process publishing); <see cref="FailureEventId"/> is set for failure
/// events (whose stored announcement is awaited) and null for the RecordSynced events mixed in.
/// </summary>
internal sealed record WorkloadMessage(string Exchange, byte[] Body, object Message, string? FailureEventId);

namespace EventSync.Pipeline.Benchmarks.Pipeline;

internal static class ConfirmedPublisherPhases
{
    /// <summary>The workload to the engine exchanges as plain JSON, the way a non-.NET sync engine publishes.</summary>
    public static PipelinePhase.PublishAll AsEngine(this ConfirmedPublisher publisher) =>
        (messages, rate, onPublishing, cancellationToken) =>
            publisher.PublishAsync([.. messages.Select(m => (m.Exchange, string.Empty, m.Body))], rate, onPublishing, cancellationToken);
}

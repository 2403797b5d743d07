namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>The raw RabbitMQ.Client figure: messages published (confirmed) and consumed (acked) at the same time.</summary>
internal sealed record CeilingResult(int Messages, ushort Prefetch, int InFlight, double Seconds, double PublishSeconds, string LoadAverage)
{
    public double MessagesPerSecond => Messages / Seconds;
}

using System.Collections.Concurrent;
using MassTransit;

namespace EventSync.Testing.Hosts;

/// <summary>
/// Watches the host's receive endpoints: a delivery shows up here once it was consumed to the end (a batch's messages
/// once the whole batch is written) or failed. It tells a test that a message that must change nothing was handled.
/// </summary>
public sealed class DeliveryLog : IReceiveObserver
{
    private readonly ConcurrentQueue<(string Body, bool Faulted)> _deliveries = new();

    /// <summary>Deliveries consumed to the end whose body contains <paramref name="marker"/>.</summary>
    public int Consumed(string marker) => _deliveries.Count(d => !d.Faulted && d.Body.Contains(marker, StringComparison.Ordinal));

    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _deliveries.Enqueue((context.Body.GetString(), false));
        return Task.CompletedTask;
    }

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        _deliveries.Enqueue((context.Body.GetString(), true));
        return Task.CompletedTask;
    }
}

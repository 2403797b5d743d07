using System.Collections.Concurrent;
using MassTransit;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Which of this process's receive endpoints have a consumer on their queue right now. Every endpoint the bus configures
/// on a queue of its own should (temporary endpoints, such as the bus's reply queue that MassTransit starts only when
/// needed, are left out); it has one from the moment its transport reports it ready until it stops, completes (the broker cancelled the
/// consumer, the channel closed) or faults, and again once MassTransit has brought it back.
/// </summary>
public sealed class ReceiveEndpointConsumers : IEndpointConfigurationObserver, IReceiveEndpointObserver
{
    // Per queue: null while it has its consumer, else why not.
    private readonly ConcurrentDictionary<string, string?> _state = new(StringComparer.Ordinal);

    /// <summary>The queues of every endpoint configured, whether it consumes now or not.</summary>
    public IReadOnlyCollection<string> Queues => [.. _state.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The queues without this process's consumer, each with why (not started yet, stopping, faulted): the exception's type only, as its message may name hosts.</summary>
    public IReadOnlyDictionary<string, string> WithoutConsumer =>
        _state.Where(e => e.Value is not null).OrderBy(e => e.Key, StringComparer.Ordinal).ToDictionary(e => e.Key, e => e.Value!);

    public void EndpointConfigured<T>(T configurator)
        where T : IReceiveEndpointConfigurator
    {
        ArgumentNullException.ThrowIfNull(configurator);
        if (!configurator.InputAddress.Query.Contains("temporary=true", StringComparison.OrdinalIgnoreCase))
        {
            _state[QueueOf(configurator.InputAddress)] = "not started yet";
        }
    }

    public Task Ready(ReceiveEndpointReady ready)
    {
        ArgumentNullException.ThrowIfNull(ready);
        if (ready.IsStarted)
        {
            Set(ready.InputAddress, null);
        }

        return Task.CompletedTask;
    }

    public Task Stopping(ReceiveEndpointStopping stopping)
    {
        ArgumentNullException.ThrowIfNull(stopping);
        Set(stopping.InputAddress, "stopping");
        return Task.CompletedTask;
    }

    public Task Completed(ReceiveEndpointCompleted completed)
    {
        ArgumentNullException.ThrowIfNull(completed);
        Set(completed.InputAddress, "consumer ended, reconnecting");
        return Task.CompletedTask;
    }

    public Task Faulted(ReceiveEndpointFaulted faulted)
    {
        ArgumentNullException.ThrowIfNull(faulted);
        Set(faulted.InputAddress, $"faulted ({faulted.Exception?.GetBaseException().GetType().Name ?? "unknown"}), reconnecting");
        return Task.CompletedTask;
    }

    private void Set(Uri inputAddress, string? why)
    {
        var queue = QueueOf(inputAddress);
        if (_state.ContainsKey(queue))
        {
            _state[queue] = why;
        }
    }

    /// <summary>The queue's name: the input address's last path segment (<c>rabbitmq://host/vhost/queue?...</c>, <c>loopback://localhost/queue</c>).</summary>
    public static string QueueOf(Uri inputAddress)
    {
        ArgumentNullException.ThrowIfNull(inputAddress);
        return Uri.UnescapeDataString(inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1]);
    }
}

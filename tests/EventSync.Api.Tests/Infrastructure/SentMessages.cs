using System.Collections.Concurrent;
using MassTransit;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>Keeps every <typeparamref name="TMessage"/> the host sends to a queue, with the address it went to.</summary>
public sealed class SentMessages<TMessage> : ISendObserver
    where TMessage : class
{
    private readonly ConcurrentQueue<(TMessage Message, Uri? Destination)> _sent = new();

    public IReadOnlyList<(TMessage Message, Uri? Destination)> Sent => [.. _sent];

    public Task PreSend<T>(SendContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostSend<T>(SendContext<T> context)
        where T : class
    {
        if (context.Message is TMessage message)
        {
            _sent.Enqueue((message, context.DestinationAddress));
        }

        return Task.CompletedTask;
    }

    public Task SendFault<T>(SendContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

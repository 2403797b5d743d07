using System.Collections.Concurrent;
using MassTransit;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>Keeps every <typeparamref name="TMessage"/> the host publishes (the standalone host's workers consume them too).</summary>
public sealed class PublishedMessages<TMessage> : IPublishObserver
    where TMessage : class
{
    private readonly ConcurrentQueue<TMessage> _published = new();

    public IReadOnlyList<TMessage> Published => [.. _published];

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        if (context.Message is TMessage message)
        {
            _published.Enqueue(message);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

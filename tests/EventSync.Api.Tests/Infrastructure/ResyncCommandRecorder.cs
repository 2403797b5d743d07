using System.Collections.Concurrent;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>Keeps every <see cref="ResyncErrors"/> command the host publishes (the standalone host's resync worker consumes them too).</summary>
public sealed class ResyncCommandRecorder : IPublishObserver
{
    private readonly ConcurrentQueue<ResyncErrors> _published = new();

    public IReadOnlyList<ResyncErrors> Published => [.. _published];

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        if (context.Message is ResyncErrors command)
        {
            _published.Enqueue(command);
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

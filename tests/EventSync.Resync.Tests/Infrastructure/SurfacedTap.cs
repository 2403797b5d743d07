using System.Collections.Concurrent;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>
/// Every <see cref="TransientErrorSurfaced"/> a host published, with its message id, in order. Unlike the test harness's
/// list, which keeps one message per id, it shows an announcement published again with the same id.
/// </summary>
public sealed class SurfacedTap : IPublishObserver
{
    private readonly ConcurrentQueue<(Guid? MessageId, TransientErrorSurfaced Message)> _published = new();

    public IReadOnlyList<(Guid? MessageId, TransientErrorSurfaced Message)> Published => [.. _published];

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message is TransientErrorSurfaced surfaced)
        {
            _published.Enqueue((context.MessageId, surfaced));
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

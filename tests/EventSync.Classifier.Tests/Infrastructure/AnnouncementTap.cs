using System.Collections.Concurrent;
using EventSync.Contracts;
using MassTransit;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// Watches the <see cref="SyncErrorClassified"/> a host publishes, with their message ids, and can make every publish
/// fail as a broker that refuses (or never confirms) would: the ids of the refused ones are kept too.
/// </summary>
public sealed class AnnouncementTap : IPublishObserver
{
    private readonly ConcurrentQueue<(Guid? MessageId, SyncErrorClassified Message)> _published = new();
    private readonly ConcurrentQueue<Guid?> _refused = new();
    private volatile bool _refusing;

    public IReadOnlyList<(Guid? MessageId, SyncErrorClassified Message)> Published => [.. _published];

    public IReadOnlyList<Guid?> Refused => [.. _refused];

    public void Refuse() => _refusing = true;

    public void Accept() => _refusing = false;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message is not SyncErrorClassified)
        {
            return Task.CompletedTask;
        }

        if (_refusing)
        {
            _refused.Enqueue(context.MessageId);
            throw new InvalidOperationException("The broker refused the message (simulated).");
        }

        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Message is SyncErrorClassified classified)
        {
            _published.Enqueue((context.MessageId, classified));
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

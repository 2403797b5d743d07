using System.Collections.Concurrent;
using MassTransit;

namespace EventSync.Testing.Harness;

/// <summary>
/// Every <typeparamref name="TMessage"/> a host published, with its message id, in order: unlike the test harness's list,
/// which keeps one message per id, it shows a message published again with the same id. It can also make those publishes
/// fail as a broker that refuses (or never confirms) would; the ids of the refused ones are kept too.
/// </summary>
public sealed class PublishTap<TMessage> : IPublishObserver
    where TMessage : class
{
    private readonly ConcurrentQueue<(Guid? MessageId, TMessage Message)> _published = new();
    private readonly ConcurrentQueue<Guid?> _refused = new();
    private volatile bool _refusing;

    public IReadOnlyList<(Guid? MessageId, TMessage Message)> Published => [.. _published];

    public IReadOnlyList<Guid?> Refused => [.. _refused];

    public void Refuse() => _refusing = true;

    public void Accept() => _refusing = false;

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        if (_refusing && context.Message is TMessage)
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
        if (context.Message is TMessage message)
        {
            _published.Enqueue((context.MessageId, message));
        }

        return Task.CompletedTask;
    }

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class => Task.CompletedTask;
}

using MassTransit;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>Counts the messages of type <typeparamref name="T"/> a bus finished consuming (well or with a fault).</summary>
public sealed class ConsumedCounter<T> : IConsumeObserver
    where T : class
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public Task PreConsume<TMessage>(ConsumeContext<TMessage> context)
        where TMessage : class => Task.CompletedTask;

    public Task PostConsume<TMessage>(ConsumeContext<TMessage> context)
        where TMessage : class
    {
        if (context.Message is T)
        {
            Interlocked.Increment(ref _count);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<TMessage>(ConsumeContext<TMessage> context, Exception exception)
        where TMessage : class => PostConsume(context);
}

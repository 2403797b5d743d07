using EventSync.ServiceDefaults.Messaging;
using MassTransit;

namespace EventSync.Classifier.Consumers;

/// <summary>
/// Writes a batch's messages in one go. When that fails, each message is written alone, so one message the store refuses
/// cannot hold back the others: those that still fail are sent to an endpoint of their own, where they are retried and
/// parked with the reason. When every one fails, the store itself is failing, and the batch is retried as a whole.
/// </summary>
internal static class BatchWrite
{
    public static async Task WriteAsync<T>(ConsumeContext context, IReadOnlyList<T> messages, Func<IReadOnlyList<T>, Task> write, Uri aloneAddress, ILogger logger)
        where T : class
    {
        try
        {
            await write(messages);
        }
        catch (Exception e) when (messages.Count > 1 && !context.CancellationToken.IsCancellationRequested)
        {
            logger.BatchWriteFailed(e, typeof(T).Name, messages.Count);
            await WriteEachAloneAsync(context, messages, write, aloneAddress, logger);
        }
    }

    private static async Task WriteEachAloneAsync<T>(ConsumeContext context, IReadOnlyList<T> messages, Func<IReadOnlyList<T>, Task> write, Uri aloneAddress, ILogger logger)
        where T : class
    {
        var failed = new List<T>();
        Exception? last = null;
        foreach (var message in messages)
        {
            try
            {
                await write([message]);
            }
            catch (Exception e) when (!context.CancellationToken.IsCancellationRequested)
            {
                failed.Add(message);
                last = e;
            }
        }

        if (failed.Count == messages.Count)
        {
            throw new InvalidOperationException($"None of the {messages.Count} messages of the batch could be written, even alone.", last);
        }

        var alone = await context.GetSendEndpoint(aloneAddress);
        logger.MessagesSetAside(last!, failed.Count, typeof(T).Name, aloneAddress);
        foreach (var message in failed)
        {
            await context.Within(token => alone.Send(message, token));
        }
    }
}

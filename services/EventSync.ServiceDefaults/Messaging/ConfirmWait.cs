using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Publishes and sends wait for the broker's confirm at most <see cref="MessagingOptions.PublishTimeout"/>, then fail with
/// a <see cref="TimeoutException"/> (and are retried as any failure is). RabbitMQ's client does not fail a publish whose
/// connection died before the confirm came, and a publish written after the connection's socket died waits for room in
/// the client's write queue that never comes, holding its channel's confirm lock. The publish is given a token cancelled
/// at the bound, so it is released rather than left behind: left waiting, it keeps the client from telling the other
/// channels of that connection that it is gone, and their receive endpoints never reconnect.
/// </summary>
public static class ConfirmWait
{
    public static async Task Within(this IOptions<MessagingOptions> options, Func<CancellationToken, Task> publishOrSend, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(publishOrSend);
        var bound = options.Value.PublishTimeout;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(bound);
        try
        {
            // The bound again on the wait, for a transport that does not observe the token. Not the caller's token: the
            // publish sees the caller's cancellation through its own token and ends first.
            await publishOrSend(timeout.Token).WaitAsync(bound, CancellationToken.None);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException && !cancellationToken.IsCancellationRequested)
        {
            // The wait's own bound may come first: the publish is cancelled all the same.
            await timeout.CancelAsync();
            throw new TimeoutException($"The broker did not confirm within {bound} (EventSync:Messaging:PublishTimeout).", e);
        }
    }

    /// <summary>The same inside a consumer, with the settings of the consumer's own container.</summary>
    public static Task Within(this ConsumeContext context, Func<CancellationToken, Task> publishOrSend)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.TryGetPayload(out IServiceProvider? services)
            ? services.GetRequiredService<IOptions<MessagingOptions>>()
            : Options.Create(new MessagingOptions());
        return options.Within(publishOrSend, context.CancellationToken);
    }
}

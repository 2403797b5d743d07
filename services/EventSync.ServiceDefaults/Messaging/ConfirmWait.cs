using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Publishes and sends wait for the broker's confirm at most <see cref="MessagingOptions.PublishTimeout"/>, then fail with
/// a <see cref="TimeoutException"/> (and are retried as any failure is). RabbitMQ's client does not fail a publish whose
/// connection died before the confirm came: unbounded, it would wait forever, and a consumer awaiting it would keep its
/// receive endpoint from ever reconnecting.
/// </summary>
public static class ConfirmWait
{
    public static Task Within(this Task publishOrSend, IOptions<MessagingOptions> options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(publishOrSend);
        ArgumentNullException.ThrowIfNull(options);
        return publishOrSend.WaitAsync(options.Value.PublishTimeout, cancellationToken);
    }

    /// <summary>The same inside a consumer, with the settings of the consumer's own container.</summary>
    public static Task Within(this Task publishOrSend, ConsumeContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = context.TryGetPayload(out IServiceProvider? services)
            ? services.GetRequiredService<IOptions<MessagingOptions>>()
            : Options.Create(new MessagingOptions());
        return publishOrSend.Within(options, context.CancellationToken);
    }
}

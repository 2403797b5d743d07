using System.Reflection;
using MassTransit;
using LogContext = Serilog.Context.LogContext;

namespace EventSync.ServiceDefaults.Observability;

/// <summary>
/// Every log line written while a message is consumed carries its <c>MessageId</c>, <c>CorrelationId</c>,
/// <c>ConversationId</c> and, for messages about one tenant, <c>TenantId</c>. Batch consumers see the batch here, not each
/// message: they name the tenants in their own log lines.
/// </summary>
public sealed class MessageLogContextFilter<TMessage> : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    private static readonly Func<TMessage, string?>? TenantIdOf = TenantIdReader();

    public async Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        using var messageId = LogContext.PushProperty("MessageId", context.MessageId);
        using var correlationId = LogContext.PushProperty("CorrelationId", context.CorrelationId);
        using var conversationId = LogContext.PushProperty("ConversationId", context.ConversationId);
        using var tenantId = TenantIdOf?.Invoke(context.Message) is { } tenant ? LogContext.PushProperty("TenantId", tenant) : null;
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context?.CreateFilterScope("messageLogContext");

    // Contracts about one tenant carry a string TenantId; read once per message type.
    private static Func<TMessage, string?>? TenantIdReader() =>
        typeof(TMessage).GetProperty("TenantId", BindingFlags.Public | BindingFlags.Instance) is { PropertyType: var type, CanRead: true } property && type == typeof(string)
            ? property.GetGetMethod()!.CreateDelegate<Func<TMessage, string?>>()
            : null;
}

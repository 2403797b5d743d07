using System.Runtime.Serialization;
using System.Text.Json;
using MassTransit;

namespace EventSync.Classifier.Monitoring;

/// <summary>
/// Counts messages that fail as they are read (unreadable JSON, failed wire validation, over the size limit): they go to
/// the error queue unretried. Failures of the consumers themselves (a store outage) are not counted here.
/// </summary>
internal sealed class InvalidMessageObserver(ClassifierMetrics metrics) : IReceiveObserver
{
    public Task PreReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostReceive(ReceiveContext context) => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, TimeSpan duration, string consumerType, Exception exception)
        where T : class => Task.CompletedTask;

    public Task ReceiveFault(ReceiveContext context, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsUnreadable(exception))
        {
            metrics.Invalid(context.InputAddress.AbsolutePath.Split('/').LastOrDefault(s => s.Length > 0) ?? "unknown");
        }

        return Task.CompletedTask;
    }

    private static bool IsUnreadable(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException or SerializationException)
            {
                return true;
            }
        }

        return false;
    }
}

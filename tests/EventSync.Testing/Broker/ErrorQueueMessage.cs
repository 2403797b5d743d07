using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Xunit;

namespace EventSync.Testing.Broker;

/// <summary>A message MassTransit moved to an endpoint's <c>_error</c> queue, with its fault headers.</summary>
public sealed record ErrorQueueMessage(string Body, IReadOnlyDictionary<string, string> Headers)
{
    public const string FaultMessageHeader = "MT-Fault-Message";
    public const string FaultExceptionTypeHeader = "MT-Fault-ExceptionType";
    private const ushort NotFound = 404;

    public string? FaultMessage => Headers.GetValueOrDefault(FaultMessageHeader);

    public string? FaultExceptionType => Headers.GetValueOrDefault(FaultExceptionTypeHeader);

    /// <summary>
    /// Polls <paramref name="queue"/> with <c>basic.get</c> until a message whose body contains <paramref name="marker"/>
    /// (or whose AMQP message id is <paramref name="marker"/>) arrives, and takes it off the queue. Other tests' messages are left there (requeued when the channel closes).
    /// </summary>
    public static async Task<ErrorQueueMessage> TakeAsync(Uri broker, string queue, string marker, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await using var connection = await new ConnectionFactory { Uri = broker }.CreateConnectionAsync(cancellationToken);
        var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        try
        {
            var clock = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    if (await channel.BasicGetAsync(queue, autoAck: false, cancellationToken) is { } result)
                    {
                        var body = Encoding.UTF8.GetString(result.Body.Span);
                        if (body.Contains(marker, StringComparison.Ordinal) || result.BasicProperties.MessageId == marker)
                        {
                            await channel.BasicAckAsync(result.DeliveryTag, multiple: false, cancellationToken);
                            return new ErrorQueueMessage(body, HeadersOf(result.BasicProperties));
                        }

                        continue;
                    }
                }
                catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
                {
                    // MassTransit declares an error queue with the first fault: none yet. The broker closed the channel.
                    await channel.DisposeAsync();
                    channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                }

                Assert.True(clock.Elapsed < timeout, $"No message with '{marker}' reached {queue} within {timeout.TotalSeconds:0} s.");
                await Task.Delay(TimeSpan.FromMilliseconds(25), cancellationToken);
            }
        }
        finally
        {
            await channel.DisposeAsync();
        }
    }

    private static Dictionary<string, string> HeadersOf(IReadOnlyBasicProperties properties) =>
        (properties.Headers ?? new Dictionary<string, object?>()).ToDictionary(
            h => h.Key,
            h => h.Value switch
            {
                byte[] bytes => Encoding.UTF8.GetString(bytes),
                null => "",
                var other => other.ToString() ?? "",
            },
            StringComparer.Ordinal);
}

using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventSync.Testing.Broker;

/// <summary>
/// One EventSync integration run at a time per broker. The product fixes its queue names (<c>sync-failure-reported</c>,
/// ...), so hosts of two test processes on one broker would take each other's messages. The lock is an exclusive queue:
/// the broker refuses a second holder and deletes it when the holding connection closes, even after a crash. The holder
/// starts without the classifier's queues and leaves none behind (durable queues bound to the engine exchanges would
/// otherwise keep collecting messages between runs).
/// </summary>
public sealed class BrokerLock : IAsyncDisposable
{
    public const string QueueName = "eventsync-tests.broker-lock";

    /// <summary>
    /// How long a test waits for the lock at most. Test projects run side by side and take turns: a waiter may queue behind
    /// every other holder of the whole run (a fault test alone holds it for over a minute), so this is the bound of a
    /// deadlock, not of one turn.
    /// </summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    private const ushort ResourceLocked = 405;

    private readonly IConnection _connection;
    private readonly Uri _broker;

    private BrokerLock(IConnection connection, Uri broker)
    {
        _connection = connection;
        _broker = broker;
    }

    public static async Task<BrokerLock> AcquireAsync(Uri broker, CancellationToken cancellationToken)
    {
        var connection = await new ConnectionFactory { Uri = broker, ClientProvidedName = "eventsync-tests lock" }
            .CreateConnectionAsync(cancellationToken);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
            try
            {
                await channel.QueueDeclareAsync(QueueName, durable: false, exclusive: true, autoDelete: true, cancellationToken: cancellationToken);
                await ClassifierQueues.DeleteAllAsync(broker, cancellationToken);
                return new BrokerLock(connection, broker);
            }
            catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == ResourceLocked)
            {
                await channel.DisposeAsync();
                if (clock.Elapsed > Timeout)
                {
                    await connection.DisposeAsync();
                    throw new TimeoutException($"Another test process held the broker lock ({QueueName}) for more than {Timeout.TotalMinutes:0} min.", e);
                }
            }
            catch
            {
                await channel.DisposeAsync();
                await connection.DisposeAsync();
                throw;
            }

            // Held by another test process: poll until it lets go.
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Call once the hosts that consumed from the classifier's queues have stopped.</summary>
    public async ValueTask DisposeAsync()
    {
        await ClassifierQueues.DeleteAllAsync(_broker, CancellationToken.None);
        await _connection.CloseAsync();
        await _connection.DisposeAsync();
    }
}

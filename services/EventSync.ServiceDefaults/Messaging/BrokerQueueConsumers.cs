using EventSync.Core.Validation;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace EventSync.ServiceDefaults.Messaging;

/// <summary>
/// Asks RabbitMQ how many consumers each queue has (a passive declare per queue), on one connection of its own kept open
/// between questions: the broker's view, which readiness compares with what this process believes.
/// </summary>
public sealed class BrokerQueueConsumers(Uri broker, IReadOnlyList<HostAndPort> clusterNodes) : IAsyncDisposable
{
    private const ushort NotFound = 404;
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IConnection? _connection;

    /// <summary>Each queue's consumer count; 0 for a queue the broker does not have.</summary>
    public async Task<IReadOnlyDictionary<string, uint>> CountAsync(IEnumerable<string> queues, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queues);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connection = await OpenAsync(cancellationToken);
            var counts = new Dictionary<string, uint>(StringComparer.Ordinal);
            IChannel? channel = null;
            try
            {
                foreach (var queue in queues)
                {
                    channel ??= await connection.CreateChannelAsync(cancellationToken: cancellationToken);
                    try
                    {
                        counts[queue] = (await channel.QueueDeclarePassiveAsync(queue, cancellationToken)).ConsumerCount;
                    }
                    catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == NotFound)
                    {
                        // The broker closed the channel with the refusal: the next queue gets a new one.
                        counts[queue] = 0;
                        await channel.DisposeAsync();
                        channel = null;
                    }
                }
            }
            finally
            {
                if (channel is not null)
                {
                    await channel.DisposeAsync();
                }
            }

            return counts;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate.Dispose();
    }

    private async Task<IConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsOpen: true })
        {
            return _connection;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        var factory = new ConnectionFactory
        {
            Uri = broker,
            ClientProvidedName = "eventsync readiness",
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = ConnectTimeout,
        };
        IList<AmqpTcpEndpoint> endpoints = clusterNodes.Count == 0
            ? [new AmqpTcpEndpoint(broker)]
            : [.. clusterNodes.Select(node => new AmqpTcpEndpoint(node.Host, node.Port, new SslOption(node.Host, enabled: factory.Ssl.Enabled)))];
        _connection = await factory.CreateConnectionAsync(endpoints, cancellationToken);
        return _connection;
    }
}

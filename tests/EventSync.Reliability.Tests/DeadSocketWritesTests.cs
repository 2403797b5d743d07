using System.Net.Sockets;
using EventSync.Reliability.Tests.Infrastructure;
using EventSync.ServiceDefaults.Messaging.Sockets;
using EventSync.Testing;
using EventSync.Testing.Broker;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace EventSync.Reliability.Tests;

/// <summary>
/// The broker socket every EventSync connection uses (<see cref="BrokerSocket"/>): when the socket dies under writes that
/// have piled up, the client's shutdown still reaches every channel. With RabbitMQ's default socket (client 7.2.2) the
/// first channel's shutdown waits for an acknowledgement stuck in the dead connection's full write queue, and the
/// channels after it are never told: their consumers would never be restarted.
/// </summary>
public sealed class DeadSocketWritesTests
{
    private const int Deliveries = 20;
    private const int Publishes = 300;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_tell_every_channel_and_settle_every_write_when_the_socket_dies_under_a_full_write_queue()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var broker = await TestBroker.StartAsync(cancellationToken);
        Assert.SkipWhen(broker.Uri is null, TestBroker.SkipReason);

        var queue = $"dead-socket-writes-{Guid.NewGuid():N}";
        var direct = new ConnectionFactory { Uri = broker.Uri };
        await using var setup = await direct.CreateConnectionAsync(cancellationToken);
        await using var setupChannel = await setup.CreateChannelAsync(cancellationToken: cancellationToken);
        await setupChannel.QueueDeclareAsync(queue, durable: false, exclusive: false, autoDelete: false, cancellationToken: cancellationToken);
        for (var i = 0; i < Deliveries; i++)
        {
            await setupChannel.BasicPublishAsync(string.Empty, queue, new byte[] { 1 }, cancellationToken);
        }

        await using var relay = new BrokerRelay(broker.Uri!);
        var throughRelay = new ConnectionFactory
        {
            Uri = broker.Uri,
            Port = relay.Port,
            AutomaticRecoveryEnabled = false,
            SocketFactory = addressFamily =>
            {
                var socket = BrokerSocket.Create(addressFamily);
                socket.Client.SendBufferSize = 4096;
                return socket;
            },
        };
        var connection = await throughRelay.CreateConnectionAsync(cancellationToken);
        var consuming = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var publishing = await connection.CreateChannelAsync(cancellationToken: cancellationToken);
        var publishingTold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        publishing.ChannelShutdownAsync += (_, _) =>
        {
            publishingTold.TrySetResult();
            return Task.CompletedTask;
        };

        // The consumer holds its first delivery until the write queue is full, then acknowledges it.
        var firstDelivery = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var acknowledge = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstAcknowledgementSettled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(consuming);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            firstDelivery.TrySetResult();
            await acknowledge.Task;
            try
            {
                await consuming.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // A failed acknowledgement settles too: the broker redelivers the message to the next consumer.
            }

            firstAcknowledgementSettled.TrySetResult();
        };
        await consuming.BasicConsumeAsync(queue, autoAck: false, consumer, cancellationToken);
        await firstDelivery.Task.WaitAsync(Deadline, cancellationToken);

        // The relay stops reading: the socket's buffers fill, then the client's queue of 128 frames, then writers wait.
        relay.HoldClientBytes();
        var body = new byte[64 * 1024];
        var publishes = Enumerable.Range(0, Publishes)
            .Select(_ => publishing.BasicPublishAsync(string.Empty, queue, body, CancellationToken.None).AsTask())
            .ToList();
        await Eventually.MatchesAsync(
            () => Task.FromResult(publishes.Count(publish => !publish.IsCompleted)),
            waiting => waiting > 0 && waiting <= Publishes - 128,
            Deadline,
            "the write queue took its 128 frames and the publishes after them wait");
        acknowledge.SetResult();

        relay.ResetAll();

        await publishingTold.Task.WaitAsync(Deadline, cancellationToken);
        await firstAcknowledgementSettled.Task.WaitAsync(Deadline, cancellationToken);
        await Eventually.HoldsAsync(
            () => Task.FromResult(publishes.TrueForAll(publish => publish.IsCompleted)),
            Deadline,
            "every publish that waited for room settled");
        Assert.False(connection.IsOpen);

        await setupChannel.QueueDeleteAsync(queue, cancellationToken: cancellationToken);
    }

    [Fact]
    public async Task Should_drop_writes_without_throwing_once_the_peer_reset_the_socket_and_end_the_reads()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        using var client = (BrokerSocket)BrokerSocket.Create(AddressFamily.InterNetwork);
        await client.ConnectAsync(System.Net.IPAddress.Loopback, ((System.Net.IPEndPoint)listener.LocalEndpoint).Port, cancellationToken);
        using (var peer = await listener.AcceptSocketAsync(cancellationToken))
        {
            peer.LingerState = new LingerOption(true, 0);
        }

        await using var stream = (WritesAfterDeathDroppedStream)client.GetStream();
        await Eventually.MatchesAsync(
            async () =>
            {
                await stream.WriteAsync(new byte[1024], cancellationToken);
                return stream.IsDead;
            },
            dead => dead,
            Deadline,
            "a write to the reset socket failed and the stream took the connection for dead");

        await stream.WriteAsync(new byte[1024], cancellationToken);
        stream.Write(new byte[16], 0, 16);
        var read = await Record.ExceptionAsync(async () => Assert.Equal(0, await stream.ReadAsync(new byte[16], cancellationToken)));
        Assert.True(read is null or IOException, $"a read after the death ends or fails as an I/O error, not: {read}");
    }
}

using System.Net.Sockets;
using RabbitMQ.Client;

namespace EventSync.ServiceDefaults.Messaging.Sockets;

/// <summary>
/// The socket of every broker connection: RabbitMQ's own, with a stream that keeps taking writes once the connection
/// has died (<see cref="WritesAfterDeathDroppedStream"/>).
/// </summary>
/// <remarks>
/// RabbitMQ's .NET client (7.2.2) writes a connection's frames through one queue of 128 that a single loop drains into
/// the socket. When a write to a dead socket throws, that loop ends and nothing drains the queue again: the 129th
/// acknowledgement or publish waits for room for good, and with it the shutdown of its channel and of every channel the
/// client tells after it. Their consumers are never restarted. Upstream fixed this on its main branch (pull request
/// #1932, for issue #1930), in no 7.x release. Until one ships, a write that fails is taken as the end of the connection:
/// it and every later write are dropped, the socket is shut down so the reading side fails at once, and the loop keeps
/// draining, so no writer waits and the client's own shutdown runs to its end.
/// </remarks>
public sealed class BrokerSocket(Socket socket) : TcpClientAdapter(socket)
{
    /// <summary>For <c>ConnectionFactory.SocketFactory</c>: the client's default socket, wrapped.</summary>
    public static ITcpClient Create(AddressFamily addressFamily) =>
        new BrokerSocket(new Socket(addressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true });

    public override NetworkStream GetStream() => new WritesAfterDeathDroppedStream(Client);
}

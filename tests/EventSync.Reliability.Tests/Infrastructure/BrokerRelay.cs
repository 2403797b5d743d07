using System.Net;
using System.Net.Sockets;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// A loopback relay in front of a broker, for one test to break the connections through it at will: it can stop passing
/// what the clients send (their writes then pile up, as towards a node that stopped reading) and reset every connection
/// (the clients' sockets die under them, as when a node is killed).
/// </summary>
public sealed class BrokerRelay : IAsyncDisposable
{
    private const int SmallBuffer = 4096;

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly DnsEndPoint _broker;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _sockets = [];
    private readonly Task _accepting;
    private TaskCompletionSource _clientBytesFlow = Flowing();

    public BrokerRelay(Uri broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        _broker = new DnsEndPoint(broker.Host, broker.Port);
        // Small buffers, so that a client's writes fill them quickly once they are no longer read.
        _listener.Server.ReceiveBufferSize = SmallBuffer;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>From now on nothing a client sends is read.</summary>
    public void HoldClientBytes() => _clientBytesFlow = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Resets every connection through the relay (a TCP RST to each client) and takes no more.</summary>
    public void ResetAll()
    {
        _listener.Stop();
        lock (_sockets)
        {
            foreach (var socket in _sockets)
            {
                socket.LingerState = new LingerOption(true, 0);
                socket.Close();
            }

            _sockets.Clear();
        }
    }

    public async ValueTask DisposeAsync()
    {
        ResetAll();
        await _stop.CancelAsync();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stop.Dispose();
    }

    private static TaskCompletionSource Flowing()
    {
        var flowing = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        flowing.SetResult();
        return flowing;
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var broker = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await broker.ConnectAsync(_broker, _stop.Token);
            lock (_sockets)
            {
                _sockets.Add(client);
                _sockets.Add(broker);
            }

            _ = PumpAsync(client, broker, holdable: true);
            _ = PumpAsync(broker, client, holdable: false);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool holdable)
    {
        var buffer = new byte[SmallBuffer];
        try
        {
            while (true)
            {
                if (holdable)
                {
                    await _clientBytesFlow.Task.WaitAsync(_stop.Token);
                }

                var read = await from.ReceiveAsync(buffer, _stop.Token);
                if (read == 0)
                {
                    return;
                }

                await to.SendAsync(buffer.AsMemory(0, read), _stop.Token);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The relay stopped or a side went away: the other side is reset with it.
        }
    }
}

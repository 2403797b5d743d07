using System.Net;
using System.Net.Sockets;

namespace EventSync.Classifier.Tests.Infrastructure;

/// <summary>
/// A TCP relay on a loopback port of its own in front of a server. <see cref="Cut"/> drops every connection and stops
/// listening, as a broker that went away; <see cref="Restore"/> listens on the same port again. Lets a test take the broker
/// away from one host without stopping the broker other test processes share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly List<TcpClient> _connections = [];
    private readonly Lock _gate = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _running;
    private Task _accepting = Task.CompletedTask;

    private TcpProxy(IPEndPoint upstream, int port)
    {
        _upstream = upstream;
        Port = port;
    }

    public int Port { get; private set; }

    public static TcpProxy Start(string upstreamHost, int upstreamPort)
    {
        var address = Dns.GetHostAddresses(upstreamHost).First(a => a.AddressFamily == AddressFamily.InterNetwork);
        var proxy = new TcpProxy(new IPEndPoint(address, upstreamPort), 0);
        proxy.Listen();
        return proxy;
    }

    /// <summary>The address of <paramref name="server"/> with its host and port replaced by this relay's.</summary>
    public Uri Through(Uri server) => new UriBuilder(server ?? throw new ArgumentNullException(nameof(server))) { Host = "127.0.0.1", Port = Port }.Uri;

    public void Cut()
    {
        _running?.Cancel();
        _listener?.Stop();
        lock (_gate)
        {
            foreach (var connection in _connections)
            {
                // A reset, not a polite close: the client sees the connection die as it would when a broker crashes. A
                // connection its client already closed has nothing left to cut.
                try
                {
                    connection.Client?.LingerState = new LingerOption(true, 0);
                }
                catch (ObjectDisposedException)
                {
                }

                connection.Dispose();
            }

            _connections.Clear();
        }
    }

    public void Restore() => Listen();

    public async ValueTask DisposeAsync()
    {
        Cut();
        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _running?.Dispose();
    }

    private void Listen()
    {
        _running?.Dispose();
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync(_listener, _running.Token);
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_upstream, cancellationToken);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }

            lock (_gate)
            {
                _connections.Add(inbound);
                _connections.Add(outbound);
            }

            _ = RelayAsync(inbound, outbound, cancellationToken);
        }
    }

    private static async Task RelayAsync(TcpClient inbound, TcpClient outbound, CancellationToken cancellationToken)
    {
        try
        {
            var there = inbound.GetStream().CopyToAsync(outbound.GetStream(), cancellationToken);
            var back = outbound.GetStream().CopyToAsync(inbound.GetStream(), cancellationToken);
            await Task.WhenAny(there, back);
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // One side went away: the relay ends with it.
        }
        finally
        {
            inbound.Dispose();
            outbound.Dispose();
        }
    }
}

using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using EventSync.Testing.Hosts;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace EventSync.Testing.Email;

/// <summary>
/// A real SMTP server (the SmtpServer package) on 127.0.0.1 in the test process: keeps every message it takes, parsed
/// with MimeKit, or refuses every message while <see cref="Refusing"/> is set.
/// </summary>
public sealed class SmtpCatcher : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly CancellationTokenSource _stop = new();
    private Task _running = Task.CompletedTask;
    private int _refused;

    private SmtpCatcher(int port) => Port = port;

    public int Port { get; }

    public string ConnectionString => $"smtp://127.0.0.1:{Port}";

    public bool Refusing { get; set; }

    public int Refused => Volatile.Read(ref _refused);

    public IReadOnlyList<MimeMessage> Messages => [.. _messages];

    public static async Task<SmtpCatcher> StartAsync()
    {
        var catcher = new SmtpCatcher(FreePorts.Next());
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, catcher.Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new CatchingStore(catcher));
        catcher._running = new SmtpServer.SmtpServer(options, services).StartAsync(catcher._stop.Token);
        await Eventually.HoldsAsync(catcher.AcceptsConnectionsAsync, TimeSpan.FromSeconds(60), "the SMTP server listens");
        return catcher;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private sealed class CatchingStore(SmtpCatcher catcher) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (catcher.Refusing)
            {
                Interlocked.Increment(ref catcher._refused);
                return SmtpResponse.TransactionFailed;
            }

            using var stream = new MemoryStream(buffer.ToArray());
            catcher._messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }
}

using System.Net.Sockets;

namespace EventSync.ServiceDefaults.Messaging.Sockets;

/// <summary>
/// A socket's stream whose first failed write shuts the socket down and whose writes from then on are dropped, never
/// thrown: see <see cref="BrokerSocket"/> for why. Reads are the socket's own, and fail or end once the socket is down.
/// </summary>
public sealed class WritesAfterDeathDroppedStream(Socket socket) : NetworkStream(socket, ownsSocket: false)
{
    private volatile bool _dead;

    /// <summary>True once a write failed: the connection is gone and what is written goes nowhere.</summary>
    public bool IsDead => _dead;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (_dead)
        {
            return;
        }

        try
        {
            base.Write(buffer);
        }
        catch (Exception failure) when (IsConnectionGone(failure))
        {
            Die();
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_dead)
        {
            return;
        }

        try
        {
            await base.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception failure) when (IsConnectionGone(failure))
        {
            Die();
        }
    }

    private static bool IsConnectionGone(Exception failure) => failure is IOException or SocketException or ObjectDisposedException;

    private void Die()
    {
        _dead = true;
        try
        {
            Socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception failure) when (IsConnectionGone(failure))
        {
            // Already down: the reading side sees it on its own.
        }
    }
}

using System.Net;
using System.Net.Sockets;

namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>A loopback TCP port free right now, for a child service to listen on.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

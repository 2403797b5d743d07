using System.Net;
using System.Net.Sockets;

namespace EventSync.Testing.Hosts;

/// <summary>TCP ports nothing listens on at the moment (the system hands out a fresh one each time).</summary>
public static class FreePorts
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

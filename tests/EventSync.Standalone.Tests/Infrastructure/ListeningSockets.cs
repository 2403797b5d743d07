using System.Globalization;
using System.Net;

namespace EventSync.Standalone.Tests.Infrastructure;

/// <summary>The TCP sockets listening on a port, as Linux lists them in <c>/proc/net/tcp</c> and <c>/proc/net/tcp6</c>.</summary>
public static class ListeningSockets
{
    private const string ListenState = "0A";

    public static IReadOnlyList<IPAddress> OnPort(int port) =>
        [.. Read("/proc/net/tcp", port), .. Read("/proc/net/tcp6", port)];

    private static IEnumerable<IPAddress> Read(string table, int port)
    {
        if (!File.Exists(table))
        {
            yield break;
        }

        // "  0: 0100007F:1F90 00000000:0000 0A ...": local address and port in hex, then remote, then the state.
        foreach (var line in File.ReadLines(table).Skip(1))
        {
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var local = columns[1].Split(':');
            if (columns[3] == ListenState && int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture) == port)
            {
                yield return Address(local[0]);
            }
        }
    }

    /// <summary>The kernel prints each 32-bit word of the address in host (little-endian) byte order.</summary>
    private static IPAddress Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }

        return new IPAddress(bytes);
    }
}

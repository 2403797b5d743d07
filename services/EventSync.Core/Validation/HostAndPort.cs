using System.Globalization;

namespace EventSync.Core.Validation;

/// <summary>A <c>host:port</c> address such as one node of a cluster (<c>rabbit-2:5672</c>).</summary>
public readonly record struct HostAndPort(string Host, int Port)
{
    /// <summary>Reads <c>host:port</c>: a host without spaces or colons, a port from 1 to 65535.</summary>
    public static bool TryParse(string? text, out HostAndPort address)
    {
        address = default;
        var parts = text?.Trim().Split(':');
        if (parts is not [var host, var port]
            || host.Length == 0
            || host.Any(char.IsWhiteSpace)
            || !int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            || number is < 1 or > 65535)
        {
            return false;
        }

        address = new HostAndPort(host, number);
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}:{Port}");
}

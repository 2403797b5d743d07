using System.Net;
using System.Net.Sockets;
using EventSync.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// The connect step of the webhook client (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves the host itself,
/// refuses it when any of its addresses is forbidden (<see cref="WebhookAddressRules"/>), and connects to an address it
/// checked. The check and the connection use the same answer, so a name that resolves to a public address for the check
/// and a private one for the connection (DNS rebinding) cannot get through.
/// </summary>
internal sealed class WebhookConnector(IOptions<WebhookOptions> options)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
        {
            throw new WebhookAddressRefusedException($"{host} has no address");
        }

        if (!options.Value.AllowPrivateAddresses && addresses.Select(WebhookAddressRules.WhyForbidden).FirstOrDefault(r => r is not null) is { } reason)
        {
            throw new WebhookAddressRefusedException($"{host} resolves to {reason}");
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }
}

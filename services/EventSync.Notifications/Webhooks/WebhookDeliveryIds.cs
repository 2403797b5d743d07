using System.Security.Cryptography;
using System.Text;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// Delivery ids derived from what a delivery tells and where it goes (a window and an endpoint, say), so that sending the
/// same thing again (a re-flush after a failed email, a retried digest) gives the same id, and receivers de-duplicate.
/// </summary>
internal static class WebhookDeliveryIds
{
    public static string For(params string[] parts)
    {
        ArgumentNullException.ThrowIfNull(parts);
        return Convert.ToHexStringLower(Hash(parts).AsSpan(0, 16));
    }

    /// <summary>The message id of the command that carries the delivery (the same bytes as the delivery id).</summary>
    public static Guid MessageId(string deliveryId) =>
        new(Convert.FromHexString(deliveryId.Length == 32 ? deliveryId : Convert.ToHexStringLower(Hash([deliveryId]).AsSpan(0, 16))));

    private static byte[] Hash(string[] parts) => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', parts)));
}

using System.Globalization;
using System.Text.Json.Nodes;
using EventSync.Core.Webhooks;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>A request <see cref="WebhookReceiver"/> got: its headers (by name, any case), its body's bytes and when it came (since the receiver started).</summary>
public sealed record ReceivedWebhook(IReadOnlyDictionary<string, string> Headers, byte[] Body, TimeSpan ReceivedAt)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>Whether the signature header is this body's, signed with <paramref name="secret"/> at the timestamp header.</summary>
    public bool SignedWith(string secret) =>
        long.TryParse(Header("X-EventSync-Timestamp"), NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp)
        && WebhookSignature.Verify(secret, timestamp, Body, Header("X-EventSync-Signature"));
}

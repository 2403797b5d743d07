using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSync.Contracts;

/// <summary>
/// Command to the notification worker: post one delivery to one of a tenant's webhook endpoints. Every attempt of the
/// same delivery carries the same <see cref="DeliveryId"/>; the endpoint (address, secret, format) is read when it is sent.
/// </summary>
public sealed record DeliverWebhook
{
    [JsonRequired] public required string TenantId { get; init; }

    [JsonRequired] public required string EndpointId { get; init; }

    /// <summary>Stable across attempts and redeliveries: receivers de-duplicate on it (<c>X-EventSync-Delivery</c>).</summary>
    [JsonRequired] public required string DeliveryId { get; init; }

    /// <summary>What the delivery tells: <c>errors</c> (an alert window), <c>digest</c>, <c>resync.completed</c> or <c>webhook.test</c>.</summary>
    [JsonRequired] public required string Event { get; init; }

    [JsonRequired] public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The delivery's <c>data</c> in the versioned JSON body; null for a test delivery.</summary>
    public JsonElement? Data { get; init; }
}

using System.Text.Json;

namespace EventSync.Notifications.Webhooks;

/// <summary>
/// The versioned JSON body (<c>contracts/schemas/webhook-delivery.schema.json</c>): <see cref="Version"/> changes only when
/// a field changes meaning or goes away; fields are added without a new version.
/// </summary>
internal sealed record WebhookBody(int Version, string Id, string Event, string TenantId, DateTimeOffset CreatedAt, JsonElement Data)
{
    public const int CurrentVersion = 1;
}

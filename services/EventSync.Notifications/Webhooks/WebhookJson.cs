using System.Text.Json;
using System.Text.Json.Serialization;

namespace EventSync.Notifications.Webhooks;

/// <summary>The JSON settings of webhook bodies: camelCase names, absent values left out.</summary>
internal static class WebhookJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static JsonElement ToElement<T>(T value) => JsonSerializer.SerializeToElement(value, Options);
}

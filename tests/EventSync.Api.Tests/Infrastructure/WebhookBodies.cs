using System.Text.Json;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>Bodies of <c>PUT .../webhooks</c> and saving them.</summary>
public static class WebhookBodies
{
    public const string Secret = "s3cret-of-the-receiver-0123456789";

    /// <summary>One endpoint as the PUT takes it; a null <paramref name="secret"/> is left out (keep the stored one).</summary>
    public static Dictionary<string, object?> Endpoint(
        string id, string url = "https://hooks.example.com/eventsync", string? secret = Secret, string format = "json", string[]? events = null, bool enabled = true)
    {
        var endpoint = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["id"] = id, ["url"] = url, ["format"] = format, ["events"] = events ?? ["error.new", "digest"], ["enabled"] = enabled,
        };
        if (secret is not null)
        {
            endpoint["secret"] = secret;
        }

        return endpoint;
    }

    public static object Body(params Dictionary<string, object?>[] endpoints) => new { endpoints };

    /// <summary>PUTs the endpoints with <paramref name="key"/>, asserts 200 and returns the answer's endpoints.</summary>
    public static async Task<IReadOnlyList<JsonElement>> SaveAsync(this ApiHost host, string tenant, string key, params Dictionary<string, object?>[] endpoints)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var response = await host.SendAsync(HttpMethod.Put, TenantErrors.Path(tenant, "webhooks"), key, Body(endpoints));
        return [.. (await Problems.JsonAsync(response)).GetProperty("endpoints").EnumerateArray()];
    }
}

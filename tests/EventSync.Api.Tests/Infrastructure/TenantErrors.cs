using System.Net;
using System.Text.Json;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>Paths of a tenant's routes and reading the error list.</summary>
public static class TenantErrors
{
    /// <summary>The properties of a listed error, as the API promises them.</summary>
    public static IReadOnlyList<string> ItemProperties { get; } =
    [
        "id", "category", "errorType", "title", "meaning", "fix", "state", "objectType", "hubSpotId", "salesforceId", "statusCode",
        "message", "fields", "firstSeen", "lastSeen", "occurrences", "fingerprint", "direction", "links", "ignore", "assignee",
    ];

    public static string Path(string tenantId, string route) => $"/api/tenants/{Uri.EscapeDataString(tenantId)}/{route}";

    /// <summary>One page of the list; asserts 200.</summary>
    public static async Task<(IReadOnlyList<JsonElement> Items, string? Next)> PageAsync(this ApiHost host, string tenantId, string query)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var response = await host.GetAsync(Path(tenantId, "errors") + query, host.AdminKey);
        var page = await Problems.JsonAsync(response, HttpStatusCode.OK);
        var next = page.GetProperty("next");
        return ([.. page.GetProperty("items").EnumerateArray()], next.ValueKind == JsonValueKind.Null ? null : next.GetString());
    }

    /// <summary>The HubSpot ids of the errors the query lists on its first page, sorted.</summary>
    public static async Task<IReadOnlyList<string>> HubSpotIdsAsync(this ApiHost host, string tenantId, string query)
    {
        var (items, _) = await host.PageAsync(tenantId, query);
        return [.. items.Select(i => i.GetProperty("hubSpotId").GetString()!).Order(StringComparer.Ordinal)];
    }
}

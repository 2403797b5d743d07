using EventSync.Api.Tests.Infrastructure;

namespace EventSync.Api.Tests;

/// <summary><c>GET /openapi/v1.json</c>: every route, each with a name and a summary.</summary>
public sealed class OpenApiDocumentTests(ApiHost host)
{
    public static TheoryData<string, string> Routes { get; } = new()
    {
        { "post", "/api/failures" },
        { "get", "/api/catalog" },
        { "get", "/api/tenants/{tenantId}/sync-health" },
        { "put", "/api/tenants/{tenantId}/api-allocation" },
        { "get", "/api/tenants/{tenantId}/errors" },
        { "get", "/api/tenants/{tenantId}/errors/{errorId}" },
        { "get", "/api/tenants/{tenantId}/errors/export.csv" },
        { "get", "/api/tenants/{tenantId}/error-trend" },
        { "post", "/api/tenants/{tenantId}/views" },
        { "get", "/api/tenants/{tenantId}/views/{viewId}" },
        { "post", "/api/tenants/{tenantId}/resync" },
        { "get", "/api/tenants/{tenantId}/resync-requests/{requestId}" },
        { "get", "/api/tenants/{tenantId}/notification-settings" },
        { "put", "/api/tenants/{tenantId}/notification-settings" },
        { "post", "/api/tenants/{tenantId}/notifications/test" },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_describe_the_route_with_a_name_and_a_summary(string method, string path)
    {
        using var response = await host.GetAsync("/openapi/v1.json", key: null);

        var document = await Problems.JsonAsync(response);
        Assert.True(document.GetProperty("paths").TryGetProperty(path, out var item), $"{path} is not in the document.");
        Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document.");
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("operationId").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(operation.GetProperty("summary").GetString()));
    }

    [Fact]
    public async Task Should_list_no_route_without_a_name_and_a_summary()
    {
        using var response = await host.GetAsync("/openapi/v1.json", key: null);

        var operations = (await Problems.JsonAsync(response)).GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Select(o => (Route: $"{o.Name} {p.Name}", Operation: o.Value)))
            .ToList();
        Assert.Equal(Routes.Count, operations.Count);
        Assert.All(operations, o => Assert.True(o.Operation.TryGetProperty("operationId", out _) && o.Operation.TryGetProperty("summary", out _), o.Route));
    }
}

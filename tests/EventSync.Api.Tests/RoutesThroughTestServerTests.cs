using System.Text;
using System.Text.Json;
using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>
/// Every route of the API through <c>Microsoft.AspNetCore.Mvc.Testing</c> (the standalone entry point on a TestServer):
/// the answer when all is well, without a key (401), with another tenant's key (404) and, where the route validates its
/// input, one invalid request (400 naming the field).
/// </summary>
[Collection(nameof(TestServerRunsAlone))]
public sealed class RoutesThroughTestServerTests(StandaloneTestServer server)
{
    private const string Json = "application/json";
    private const string Problem = "application/problem+json";
    private const string Settings = """{"enabled":false,"frequency":"daily","recipients":[]}""";

    /// <summary>
    /// Method, path, key (<c>admin</c>, <c>tenant</c>: the key of <c>{t}</c>, <c>none</c>), body, status, media type, and
    /// for a 400 the field named and a text its message mentions. <c>{t}</c> is the seeded tenant, <c>{other}</c> a tenant
    /// the key is not for, <c>{error}</c> and <c>{view}</c> the seeded error and view, <c>{failure}</c> a failure event.
    /// </summary>
    public static TheoryData<string, string, string, string?, int, string, string?, string?> Routes { get; } = new()
    {
        { "POST", "/api/failures", "tenant", "{failure:t}", 202, Json, null, null },
        { "POST", "/api/failures", "none", "{failure:t}", 401, Problem, null, null },
        { "POST", "/api/failures", "tenant", "{failure:other}", 401, Problem, null, null },
        { "POST", "/api/failures", "tenant", "{}", 400, Problem, "eventId", null },
        { "GET", "/api/catalog", "none", null, 200, Json, null, null },
        { "GET", "/api/catalog?lang=xx", "none", null, 400, Problem, "lang", null },
        { "GET", "{t}/sync-health", "tenant", null, 200, Json, null, null },
        { "GET", "{t}/sync-health", "none", null, 401, Problem, null, null },
        { "GET", "{other}/sync-health", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/errors", "tenant", null, 200, Json, null, null },
        { "GET", "{t}/errors", "none", null, 401, Problem, null, null },
        { "GET", "{other}/errors", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/errors?limit=0", "tenant", null, 400, Problem, "limit", null },
        { "GET", "{t}/errors/{error}", "tenant", null, 200, Json, null, null },
        { "GET", "{t}/errors/{error}", "none", null, 401, Problem, null, null },
        { "GET", "{other}/errors/{error}", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/errors/000000000000000000000000", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/errors/export.csv", "tenant", null, 200, "text/csv", null, null },
        { "GET", "{t}/errors/export.csv", "none", null, 401, Problem, null, null },
        { "GET", "{other}/errors/export.csv", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/errors/export.csv?state=closed", "tenant", null, 400, Problem, "state", null },
        { "POST", "{t}/resync", "tenant", """{"errorIds":["{error}"]}""", 202, Json, null, null },
        { "POST", "{t}/resync", "none", """{"errorIds":["{error}"]}""", 401, Problem, null, null },
        { "POST", "{other}/resync", "tenant", """{"errorIds":["{error}"]}""", 404, Problem, null, null },
        { "POST", "{t}/resync", "tenant", "{101 ids}", 400, Problem, "errorIds", "100" },
        { "GET", "{t}/notification-settings", "tenant", null, 200, Json, null, null },
        { "GET", "{t}/notification-settings", "none", null, 401, Problem, null, null },
        { "GET", "{other}/notification-settings", "tenant", null, 404, Problem, null, null },
        { "PUT", "{t}/notification-settings", "tenant", Settings, 403, Problem, null, null },
        { "PUT", "{t}/notification-settings", "admin", Settings, 200, Json, null, null },
        { "PUT", "{t}/notification-settings", "none", Settings, 401, Problem, null, null },
        { "PUT", "{other}/notification-settings", "tenant", Settings, 404, Problem, null, null },
        { "PUT", "{t}/notification-settings", "admin", """{"enabled":false,"frequency":"hourly","recipients":[]}""", 400, Problem, "frequency", null },
        { "PUT", "{t}/api-allocation", "tenant", """{"allocatedToHubSpot":500}""", 403, Problem, null, null },
        { "PUT", "{t}/api-allocation", "admin", """{"allocatedToHubSpot":500}""", 200, Json, null, null },
        { "PUT", "{t}/api-allocation", "none", """{"allocatedToHubSpot":500}""", 401, Problem, null, null },
        { "PUT", "{other}/api-allocation", "tenant", """{"allocatedToHubSpot":500}""", 404, Problem, null, null },
        { "PUT", "{t}/api-allocation", "admin", """{"allocatedToHubSpot":-1}""", 400, Problem, "allocatedToHubSpot", null },
        { "POST", "{t}/cards/recount", "tenant", null, 403, Problem, null, null },
        { "POST", "{t}/cards/recount", "admin", null, 200, Json, null, null },
        { "POST", "{t}/cards/recount", "none", null, 401, Problem, null, null },
        { "POST", "{other}/cards/recount", "tenant", null, 404, Problem, null, null },
        { "POST", "{t}/views", "tenant", """{"state":"open"}""", 201, Json, null, null },
        { "POST", "{t}/views", "none", """{"state":"open"}""", 401, Problem, null, null },
        { "POST", "{other}/views", "tenant", """{"state":"open"}""", 404, Problem, null, null },
        { "POST", "{t}/views", "tenant", """{"state":"closed"}""", 400, Problem, "state", null },
        { "GET", "{t}/views/{view}", "tenant", null, 200, Json, null, null },
        { "GET", "{t}/views/{view}", "none", null, 401, Problem, null, null },
        { "GET", "{other}/views/{view}", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/views/0123456789abcdef", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/error-trend", "tenant", null, 200, Json, null, null },
        { "GET", "{t}/error-trend", "none", null, 401, Problem, null, null },
        { "GET", "{other}/error-trend", "tenant", null, 404, Problem, null, null },
        { "GET", "{t}/error-trend?days=0", "tenant", null, 400, Problem, "days", null },
        { "GET", "{t}/webhooks", "admin", null, 200, Json, null, null },
        { "GET", "{t}/webhooks", "tenant", null, 403, Problem, null, null },
        { "GET", "{other}/webhooks", "tenant", null, 404, Problem, null, null },
        { "PUT", "{t}/webhooks", "admin", """{"endpoints":[{"id":"ops","url":"http://hooks.example.com/x","secret":"0123456789abcdef","format":"json","events":["digest"]}]}""", 400, Problem, "endpoints[0].url", "https" },
        { "GET", "{t}/webhooks/deliveries", "tenant", null, 200, Json, null, null },
        { "POST", "{t}/webhooks/unknown/test", "admin", null, 404, Problem, null, null },
        { "GET", "/openapi/v1.json", "none", null, 200, Json, null, null },
        { "GET", "/", "none", null, 200, "text/html", null, null },
        { "GET", "/health/live", "none", null, 200, "text/plain", null, null },
        { "GET", "/health/ready", "none", null, 200, Json, null, null },
    };

    [Theory]
    [MemberData(nameof(Routes))]
    public async Task Should_answer_with_the_status_and_content_type_of_the_table_when_the_route_is_called(
        string method, string path, string key, string? body, int status, string mediaType, string? field, string? mentions)
    {
        using var http = server.CreateClient();
        using var content = body is null ? null : new StringContent(Fill(body), Encoding.UTF8, Json);

        using var response = await StandaloneTestServer.SendAsync(http, new HttpMethod(method), Fill(path), Key(key), content, TestContext.Current.CancellationToken);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True((int)response.StatusCode == status, $"Expected {status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        if (field is not null)
        {
            var messages = await Problems.FieldAsync(response, field);
            Assert.NotEmpty(messages);
            Assert.Contains(messages, m => mentions is null || m.Contains(mentions, StringComparison.Ordinal));
        }
    }

    private string? Key(string kind) => kind switch
    {
        "admin" => server.AdminKey,
        "tenant" => server.TenantKey,
        _ => null,
    };

    private string Fill(string template) => template switch
    {
        "{failure:t}" => Failure(StandaloneTestServer.Tenant),
        "{failure:other}" => Failure(StandaloneTestServer.OtherTenant),
        "{101 ids}" => JsonSerializer.Serialize(new { errorIds = Enumerable.Range(0, 101).Select(i => $"{i:x24}") }),
        _ => template
            .Replace("{t}", $"/api/tenants/{StandaloneTestServer.Tenant}", StringComparison.Ordinal)
            .Replace("{other}", $"/api/tenants/{StandaloneTestServer.OtherTenant}", StringComparison.Ordinal)
            .Replace("{error}", server.ErrorId, StringComparison.Ordinal)
            .Replace("{view}", server.ViewId, StringComparison.Ordinal),
    };

    private static string Failure(string tenant) =>
        JsonSerializer.Serialize(SyncFailures.ToSalesforce(tenant, $"tc-{Guid.NewGuid():N}", SyncFailures.RequiredFieldMissing), JsonSerializerOptions.Web);
}

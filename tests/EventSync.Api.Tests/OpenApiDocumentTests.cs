using EventSync.Api.Tests.Infrastructure;
using EventSync.Testing.Http;

namespace EventSync.Api.Tests;

/// <summary>
/// <c>GET /openapi/v1.json</c>: every route, each with a name and a summary, and what the linters of other tools check:
/// the key scheme and its requirement, the problems the filters answer with, servers without a trailing slash.
/// </summary>
public sealed class OpenApiDocumentTests(ApiHost host)
{
    public static TheoryData<string, string> Routes { get; } = new()
    {
        { "post", "/api/failures" },
        { "get", "/api/catalog" },
        { "get", "/api/tenants/{tenantId}/me" },
        { "get", "/api/tenants/{tenantId}/sync-health" },
        { "get", "/api/tenants/{tenantId}/api-allocation" },
        { "put", "/api/tenants/{tenantId}/api-allocation" },
        { "post", "/api/tenants/{tenantId}/cards/recount" },
        { "get", "/api/tenants/{tenantId}/errors" },
        { "get", "/api/tenants/{tenantId}/errors/{errorId}" },
        { "get", "/api/tenants/{tenantId}/errors/export.csv" },
        { "post", "/api/tenants/{tenantId}/errors/ignore" },
        { "post", "/api/tenants/{tenantId}/errors/restore" },
        { "put", "/api/tenants/{tenantId}/errors/assignee" },
        { "put", "/api/tenants/{tenantId}/errors/{errorId}/assignee" },
        { "post", "/api/tenants/{tenantId}/errors/{errorId}/notes" },
        { "get", "/api/tenants/{tenantId}/error-trend" },
        { "post", "/api/tenants/{tenantId}/views" },
        { "get", "/api/tenants/{tenantId}/views/{viewId}" },
        { "post", "/api/tenants/{tenantId}/resync" },
        { "post", "/api/tenants/{tenantId}/resync-all" },
        { "get", "/api/tenants/{tenantId}/resync-requests" },
        { "get", "/api/tenants/{tenantId}/resync-requests/{requestId}" },
        { "get", "/api/tenants/{tenantId}/resync-progress" },
        { "get", "/api/tenants/{tenantId}/links" },
        { "put", "/api/tenants/{tenantId}/links" },
        { "get", "/api/tenants/{tenantId}/notification-settings" },
        { "put", "/api/tenants/{tenantId}/notification-settings" },
        { "post", "/api/tenants/{tenantId}/notifications/test" },
        { "get", "/api/tenants/{tenantId}/webhooks" },
        { "put", "/api/tenants/{tenantId}/webhooks" },
        { "get", "/api/tenants/{tenantId}/webhooks/deliveries" },
        { "post", "/api/tenants/{tenantId}/webhooks/{endpointId}/test" },
        { "get", "/api/tenants/{tenantId}/audit" },
        { "get", "/api/tenants/{tenantId}/audit/export.csv" },
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

    [Fact]
    public async Task Should_define_the_api_key_as_a_header_scheme()
    {
        var scheme = (await DocumentAsync()).GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey");

        Assert.Equal(("apiKey", "header", "X-Api-Key"), (scheme.GetProperty("type").GetString(), scheme.GetProperty("in").GetString(), scheme.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Should_require_the_key_and_document_its_401_as_a_problem_on_every_operation_but_the_catalog()
    {
        var operations = Operations(await DocumentAsync());

        Assert.All(operations, o =>
        {
            var requirements = o.Operation.GetProperty("security").EnumerateArray().ToList();
            if (o.Path == "/api/catalog")
            {
                Assert.Empty(Assert.Single(requirements).EnumerateObject());
                return;
            }

            Assert.True(Assert.Single(requirements).TryGetProperty("ApiKey", out _), $"{o.Method} {o.Path} does not require the key");
            Assert.True(Problem(o.Operation, "401"), $"{o.Method} {o.Path} documents no 401 problem");
        });
    }

    [Fact]
    public async Task Should_document_400_and_404_problems_on_every_tenant_route_and_413_on_every_body()
    {
        var operations = Operations(await DocumentAsync());

        Assert.All(operations.Where(o => o.Path.StartsWith("/api/tenants/", StringComparison.Ordinal)), o =>
            Assert.True(Problem(o.Operation, "400") && Problem(o.Operation, "404"), $"{o.Method} {o.Path}"));
        Assert.All(operations.Where(o => o.Operation.TryGetProperty("requestBody", out _)), o =>
            Assert.True(Problem(o.Operation, "413"), $"{o.Method} {o.Path}"));
        Assert.Contains(operations, o => o.Operation.TryGetProperty("requestBody", out _));
    }

    [Fact]
    public async Task Should_name_each_server_without_a_trailing_slash_when_paths_start_with_one()
    {
        var servers = (await DocumentAsync()).GetProperty("servers").EnumerateArray().Select(s => s.GetProperty("url").GetString()!).ToList();

        Assert.NotEmpty(servers);
        Assert.All(servers, url => Assert.False(url.EndsWith('/'), url));
    }

    [Fact]
    public async Task Should_accept_the_documented_ingest_example_when_an_engine_sends_it()
    {
        var operation = (await DocumentAsync()).GetProperty("paths").GetProperty("/api/failures").GetProperty("post");
        var example = System.Text.Json.Nodes.JsonNode.Parse(operation.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example").GetRawText())!;

        Assert.Equal("REQUIRED_FIELD_MISSING", example["errors"]![0]!["statusCode"]!.GetValue<string>());
        example["tenantId"] = "openapi-example"; // a tenant of this test alone: the others count their tenants' errors
        using var response = await host.SendRawAsync(HttpMethod.Post, "/api/failures", host.AdminKey, example.ToJsonString());
        Assert.Equal(1, (await Problems.JsonAsync(response, System.Net.HttpStatusCode.Accepted)).GetProperty("accepted").GetInt32());
        Assert.True(Problem(operation, "400"));
        Assert.True(operation.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("example").GetProperty("errors").TryGetProperty("tenantId", out _));
    }

    [Fact]
    public async Task Should_show_the_401_problem_as_the_api_writes_it_when_a_key_is_missing()
    {
        var operations = Operations(await DocumentAsync()).Where(o => o.Path != "/api/catalog").ToList();
        using var refused = await host.GetAsync(TenantErrors.Path(ApiHost.Acme, "errors"), key: null);

        var actual = await Problems.ReadAsync(refused, System.Net.HttpStatusCode.Unauthorized);
        Assert.All(operations, o =>
        {
            var example = o.Operation.GetProperty("responses").GetProperty("401").GetProperty("content").GetProperty("application/problem+json").GetProperty("example");
            Assert.Equal(4, example.EnumerateObject().Count());
            Assert.All(example.EnumerateObject(), field => Assert.Equal(actual.GetProperty(field.Name).ToString(), field.Value.ToString()));
        });
    }

    private async Task<System.Text.Json.JsonElement> DocumentAsync()
    {
        using var response = await host.GetAsync("/openapi/v1.json", key: null);
        return await Problems.JsonAsync(response);
    }

    private static List<(string Method, string Path, System.Text.Json.JsonElement Operation)> Operations(System.Text.Json.JsonElement document) =>
        [.. document.GetProperty("paths").EnumerateObject().SelectMany(p => p.Value.EnumerateObject().Select(o => (o.Name, p.Name, o.Value)))];

    private static bool Problem(System.Text.Json.JsonElement operation, string status) =>
        operation.GetProperty("responses").TryGetProperty(status, out var response)
        && response.TryGetProperty("content", out var content)
        && content.TryGetProperty("application/problem+json", out _);
}

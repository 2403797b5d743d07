using EventSync.Api.Security;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace EventSync.Api.OpenApi;

/// <summary>
/// Says on each operation what the API's filters do without the endpoint declaring it: the key requirement and its
/// 401 (all routes but the public catalog), the 400 and 404 of the tenant check, the 403 of a role that may not change
/// what the route changes, and the 413 of the body limit; and
/// the examples of <see cref="ApiExamples"/>.
/// </summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";
    private const string PublicPath = "api/catalog";
    private const string TenantPaths = "api/tenants/";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var path = context.Description.RelativePath ?? "";
        operation.Tags = operation.Tags?.Select(tag => new OpenApiTagReference(TagName(tag.Name ?? ""), context.Document)).ToHashSet();
        operation.Responses ??= new OpenApiResponses();
        operation.Security ??= [];
        if (path.Equals(PublicPath, StringComparison.OrdinalIgnoreCase))
        {
            // An empty requirement: anyone may call it, with or without a key.
            operation.Security.Add(new OpenApiSecurityRequirement());
            return Task.CompletedTask;
        }

        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeySecurity.SchemeName, context.Document)] = [] });
        Problem(operation, context, "401", $"No API key in the {ApiKeySecurity.HeaderName} header, or one EventSync does not know.");
        if (path.StartsWith(TenantPaths, StringComparison.OrdinalIgnoreCase))
        {
            Problem(operation, context, "400", "The request is not valid (a tenantId that cannot be a tenant id, a query or body field); the problem names each field.");
            Problem(operation, context, "404", "No such tenant for this key (another tenant's data is never revealed), or no such item.");
        }

        if (operation.RequestBody is not null)
        {
            Problem(operation, context, "413", "The body is larger than this route accepts.");
        }

        var method = context.Description.HttpMethod ?? "GET";
        var reads = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        var required = path.StartsWith(TenantPaths, StringComparison.OrdinalIgnoreCase)
            ? RequiredRole.Of(context.Description.ActionDescriptor.EndpointMetadata, method)
            : reads ? ApiRole.Reader : ApiRole.Operator;
        if (!reads || required > ApiRole.Reader)
        {
            Problem(operation, context, "403", $"The key's role may not do this: it needs {required.ToWire()} or more.");
        }

        ApiExamples.OnResponse(operation, "401", ProblemJson, ApiExamples.UnauthorizedProblem());
        if (operation.OperationId == ApiExamples.IngestOperationId)
        {
            if (operation.RequestBody?.Content?.TryGetValue("application/json", out var body) == true)
            {
                body.Example = ApiExamples.SyncFailureReported();
            }

            ApiExamples.OnResponse(operation, "400", ProblemJson, ApiExamples.InvalidFailureProblem());
        }

        if (operation.OperationId == ApiExamples.AuditOperationId)
        {
            ApiExamples.OnResponse(operation, "200", "application/json", ApiExamples.AuditPage());
        }

        return Task.CompletedTask;
    }

    /// <summary>The tag of an endpoint class, <c>ErrorEndpoints</c>, without its suffix: <c>Error</c>.</summary>
    public static string TagName(string name) =>
        name.EndsWith("Endpoints", StringComparison.Ordinal) ? name[..^"Endpoints".Length] : name;

    private static void Problem(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status, string description)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                [ProblemJson] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", context.Document) },
            },
        };
    }
}

using EventSync.Core.Validation;

namespace EventSync.Api.Security;

/// <summary>
/// Guards every <c>/api/tenants/{tenantId}/...</c> route: 400 naming <c>tenantId</c> when it cannot be a tenant id (see
/// <see cref="TenantIds"/>), 401 without a valid key, 404 for another tenant's key.
/// </summary>
internal sealed class TenantKeyFilter(ApiKeyAuthorizer authorizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = http.GetRouteValue("tenantId") as string ?? "";
        if (TenantIds.Problem(tenantId) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenantId"] = [problem] }, title: "No such tenant.");
        }

        return authorizer.Check(http.Request.Headers[ApiKeyAuthorizer.HeaderName], tenantId) switch
        {
            ApiKeyCheck.Allowed => await next(context),
            ApiKeyCheck.NotThisTenant => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No tenant '{tenantId}' for this key."),
            _ => Unauthorized(),
        };
    }

    public static IResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Send a valid API key in the {ApiKeyAuthorizer.HeaderName} header.");
}

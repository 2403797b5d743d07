using EventSync.Core.Validation;

namespace EventSync.Api.Security;

/// <summary>
/// Guards every <c>/api/tenants/{tenantId}/...</c> route: 400 naming <c>tenantId</c> when it cannot be a tenant id (see
/// <see cref="TenantIds"/>), 401 without a valid key, 404 for another tenant's key, 403 when the key's role may not do
/// what the route does (<see cref="RequiredRole"/>). The principal is kept for the route (<c>HttpContext.ApiPrincipal()</c>).
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

        if (authorizer.Authenticate(http.Request.Headers[ApiKeyAuthorizer.HeaderName]) is not { } principal)
        {
            return Unauthorized();
        }

        if (!principal.Opens(tenantId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"No tenant '{tenantId}' for this key.");
        }

        var required = RequiredRole.Of(http.GetEndpoint()?.Metadata, http.Request.Method);
        if (!principal.May(required))
        {
            return ApiPrincipalExtensions.Forbidden(principal, required);
        }

        http.SetApiPrincipal(principal);
        return await next(context);
    }

    public static IResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized", detail: $"Send a valid API key in the {ApiKeyAuthorizer.HeaderName} header.");
}

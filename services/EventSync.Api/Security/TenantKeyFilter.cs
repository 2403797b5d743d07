namespace EventSync.Api.Security;

/// <summary>Guards every <c>/api/tenants/{tenantId}/...</c> route: 401 without a valid key, 404 for another tenant's key.</summary>
internal sealed class TenantKeyFilter(ApiKeyAuthorizer authorizer) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var tenantId = http.GetRouteValue("tenantId") as string ?? "";
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

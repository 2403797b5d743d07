using EventSync.Api.Localization;
using EventSync.Contracts;
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
        if (TenantIdProblem(tenantId) is { } problem)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["tenantId"] = [problem] }, title: ProblemTexts.NoSuchTenantTitle);
        }

        if (authorizer.Authenticate(http.Request.Headers[ApiKeyAuthorizer.HeaderName]) is not { } principal)
        {
            return Unauthorized();
        }

        if (!principal.Opens(tenantId))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: ProblemTexts.NotFoundTitle, detail: ProblemFormat.With(ProblemTexts.NoTenantForKey, tenantId));
        }

        var required = RequiredRole.Of(http.GetEndpoint()?.Metadata, http.Request.Method);
        if (!principal.May(required))
        {
            return ApiPrincipalExtensions.Forbidden(principal, required);
        }

        http.SetApiPrincipal(principal);
        return await next(context);
    }

    /// <summary>Why <paramref name="tenantId"/> is not a tenant id (as <see cref="TenantIds.Problem"/> says it), in the request's language; null when it is one.</summary>
    private static string? TenantIdProblem(string tenantId) =>
        string.IsNullOrWhiteSpace(tenantId) ? ProblemTexts.TenantIdRequired
        : TenantIds.IsValid(tenantId) ? null
        : ProblemFormat.With(ProblemTexts.TenantIdInvalid, ProblemText.Quote(tenantId), WireLimits.MaxTenantIdLength);

    public static IResult Unauthorized() =>
        TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: ProblemTexts.UnauthorizedTitle, detail: ProblemFormat.With(ProblemTexts.UnauthorizedDetail, ApiKeyAuthorizer.HeaderName));
}

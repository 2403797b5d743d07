using EventSync.Api.Security;
using Microsoft.OpenApi;

namespace EventSync.Api.OpenApi;

/// <summary>The API key as the OpenAPI document names it: scheme <c>ApiKey</c>, the <c>X-Api-Key</c> request header.</summary>
internal static class ApiKeySecurity
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = ApiKeyAuthorizer.HeaderName;

    public static OpenApiSecurityScheme Scheme() => new()
    {
        Type = SecuritySchemeType.ApiKey,
        In = ParameterLocation.Header,
        Name = HeaderName,
        Description = "An API key given to the tenant's operators or engines; it opens the tenants it was issued for.",
    };
}

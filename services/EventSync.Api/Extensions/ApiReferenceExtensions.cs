using EventSync.Api.OpenApi;
using NetEscapades.AspNetCore.SecurityHeaders;
using Scalar.AspNetCore;

namespace EventSync.Api.Extensions;

public static class ApiReferenceExtensions
{
    /// <summary>Where the interactive reference is served: the page at <c>/reference/</c>, its scripts beside it.</summary>
    public const string Path = "/reference";

    /// <summary>
    /// The interactive API reference (Scalar) of <c>/openapi/v1.json</c>: its scripts come from this host, it asks for the
    /// key in the <c>X-Api-Key</c> header and keeps it only in the page, and it calls nothing but this host.
    /// </summary>
    public static IEndpointRouteBuilder MapApiReference(this IEndpointRouteBuilder routes)
    {
        routes.MapScalarApiReference(Path, (options, context) => options
                .WithTitle("EventSync API reference")
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddPreferredSecuritySchemes([ApiKeySecurity.SchemeName])
                .AddApiKeyAuthentication(ApiKeySecurity.SchemeName, key => key.WithName(ApiKeySecurity.HeaderName))
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent()
                .DisableMcp()
                .HideDeveloperTools()
                .WithNonce(context.GetNonce()))
            .WithSecurityHeadersPolicy(SecurityHeadersExtensions.ApiReferencePolicy);
        return routes;
    }
}

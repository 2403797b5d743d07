using EventSync.Api.Localization;

namespace EventSync.Api.Security;

/// <summary>The principal a request was authorised as, and the role a route needs.</summary>
public static class ApiPrincipalExtensions
{
    private static readonly object Key = new();

    /// <summary>The route needs at least <paramref name="role"/> (see <see cref="RequiredRole"/>).</summary>
    public static RouteHandlerBuilder RequiresRole(this RouteHandlerBuilder endpoint, ApiRole role) => endpoint.WithMetadata(new RequiredRole(role));

    /// <summary>Who sent the request; set by <see cref="TenantKeyFilter"/> (and the ingestion route) once the key is checked.</summary>
    public static ApiPrincipal ApiPrincipal(this HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items[Key] as ApiPrincipal ?? throw new InvalidOperationException("The request's key was not checked.");
    }

    internal static void SetApiPrincipal(this HttpContext http, ApiPrincipal principal) => http.Items[Key] = principal;

    internal static IResult Forbidden(ApiPrincipal principal, ApiRole required) =>
        TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: ProblemTexts.ForbiddenTitle,
            detail: ProblemFormat.With(ProblemTexts.ForbiddenDetail, principal.Name, principal.Role == ApiRole.Reader ? "a" : "an", principal.Role.ToWire(), required.ToWire()));
}

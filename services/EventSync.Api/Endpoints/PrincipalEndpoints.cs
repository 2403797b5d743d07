using EventSync.Api.Security;

namespace EventSync.Api.Endpoints;

/// <summary><c>GET /api/tenants/{tenantId}/me</c>: who the key is and what its role allows, so that a client shows only what it may do.</summary>
internal static class PrincipalEndpoints
{
    public static RouteGroupBuilder MapPrincipal(this RouteGroupBuilder tenant)
    {
        tenant.MapGet("/me", Get)
            .WithName("GetPrincipal")
            .WithSummary("Who the key is: its name, its role (reader, operator or admin) and its tenants")
            .Produces<PrincipalView>();
        return tenant;
    }

    // tenantId is the route's, checked by the tenant filter; named here so that the API document describes it.
    private static PrincipalView Get(string tenantId, HttpContext http)
    {
        var principal = http.ApiPrincipal();
        return new PrincipalView(principal.Name, principal.Role.ToWire(), principal.Tenants?.Order(StringComparer.Ordinal).ToList());
    }
}

namespace EventSync.Api.RateLimiting;

internal static class TenantReadSlotExtensions
{
    public static RouteHandlerBuilder TakesTenantReadSlot(this RouteHandlerBuilder endpoint) =>
        endpoint.WithMetadata(TenantReadSlot.Instance).ProducesProblem(StatusCodes.Status429TooManyRequests);
}

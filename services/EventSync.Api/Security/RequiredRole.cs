namespace EventSync.Api.Security;

/// <summary>
/// The least role a tenant route needs (endpoint metadata, read by <see cref="TenantKeyFilter"/>). Without it a route that
/// reads (GET) needs <see cref="ApiRole.Reader"/>, and any other needs <see cref="ApiRole.Admin"/>: a new changing route
/// is closed to readers and operators until it says otherwise.
/// </summary>
public sealed record RequiredRole(ApiRole Role)
{
    public static ApiRole Of(IEnumerable<object>? metadata, string method) =>
        metadata?.OfType<RequiredRole>().LastOrDefault()?.Role ?? (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) ? ApiRole.Reader : ApiRole.Admin);
}

namespace EventSync.Api.Security;

/// <summary>
/// Who sent a request: the key's name (recorded wherever the product says who did something), its role and the tenants it
/// opens (null: every tenant).
/// </summary>
public sealed record ApiPrincipal(string Name, ApiRole Role, IReadOnlySet<string>? Tenants)
{
    public bool Opens(string tenantId) => Tenants is null || Tenants.Contains(tenantId);

    public bool May(ApiRole required) => Role >= required;
}

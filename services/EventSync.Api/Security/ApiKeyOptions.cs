namespace EventSync.Api.Security;

/// <summary>
/// Keys for the <c>X-Api-Key</c> header (section <c>EventSync:Api</c>): named keys with a role and their tenants
/// (<see cref="Keys"/>); the admin key (admin of every tenant, named <c>admin</c>) and tenant keys (operator of their
/// tenant, named <c>tenant:{tenantId}</c>) keep working. Keys are secrets: compared in constant time, never logged.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "EventSync:Api";

    public string? AdminKey { get; set; }

    public Dictionary<string, string> TenantKeys { get; set; } = new(StringComparer.Ordinal);

    public Dictionary<string, NamedApiKey> Keys { get; set; } = new(StringComparer.Ordinal);
}

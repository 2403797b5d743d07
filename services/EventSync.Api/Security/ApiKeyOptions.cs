namespace EventSync.Api.Security;

/// <summary>
/// Keys for the <c>X-Api-Key</c> header (section <c>EventSync:Api</c>): the admin key opens every tenant, a tenant key
/// opens its own tenant only. Keys are secrets: they are compared in constant time and never logged.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string Section = "EventSync:Api";

    public string? AdminKey { get; set; }

    public Dictionary<string, string> TenantKeys { get; set; } = new(StringComparer.Ordinal);
}

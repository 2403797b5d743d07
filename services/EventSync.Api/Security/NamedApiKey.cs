namespace EventSync.Api.Security;

/// <summary>
/// One named key (<c>EventSync:Api:Keys:{name}</c>): the key itself (<see cref="Key"/>) or its SHA-256 digest in hex
/// (<see cref="KeyHash"/>, so that the configuration holds no secret), a <see cref="Role"/> (<c>reader</c>,
/// <c>operator</c> or <c>admin</c>) and the <see cref="Tenants"/> it opens (ids separated by commas, or <c>*</c>).
/// </summary>
public sealed class NamedApiKey
{
    public string? Key { get; set; }

    public string? KeyHash { get; set; }

    public string Role { get; set; } = "reader";

    public string Tenants { get; set; } = "";
}

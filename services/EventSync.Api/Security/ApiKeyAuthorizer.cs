using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Security;

/// <summary>
/// Finds who an <c>X-Api-Key</c> belongs to (<see cref="ApiPrincipal"/>) and whether it opens a tenant. Compares SHA-256
/// digests in constant time, against every configured key whatever matched first.
/// </summary>
public sealed class ApiKeyAuthorizer(IOptionsMonitor<ApiKeyOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    // The configured keys' digests, computed once per version of the options rather than on every request.
    private KnownKeys? _known;

    /// <summary>The key's principal; null for no key or an unknown one.</summary>
    public ApiPrincipal? Authenticate(string? presentedKey)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return null;
        }

        var presented = Digest(presentedKey);
        ApiPrincipal? found = null;
        foreach (var (principal, digest) in KnownKeysNow().Keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, digest) && found is null)
            {
                found = principal;
            }
        }

        return found;
    }

    public ApiKeyCheck Check(string? presentedKey, string tenantId) => Authenticate(presentedKey) switch
    {
        null => ApiKeyCheck.Unauthenticated,
        var principal when principal.Opens(tenantId) => ApiKeyCheck.Allowed,
        _ => ApiKeyCheck.NotThisTenant,
    };

    /// <summary>The hex SHA-256 digest of a key, as <see cref="NamedApiKey.KeyHash"/> takes it.</summary>
    public static string HashOf(string key) => Convert.ToHexStringLower(Digest(key));

    private KnownKeys KnownKeysNow()
    {
        var current = options.CurrentValue;
        var known = Volatile.Read(ref _known);
        if (known is null || !ReferenceEquals(known.Source, current))
        {
            known = new KnownKeys(current, [.. Principals(current)]);
            Volatile.Write(ref _known, known);
        }

        return known;
    }

    private static IEnumerable<(ApiPrincipal, byte[])> Principals(ApiKeyOptions options)
    {
        if (!string.IsNullOrEmpty(options.AdminKey))
        {
            yield return (new ApiPrincipal("admin", ApiRole.Admin, null), Digest(options.AdminKey));
        }

        foreach (var (tenant, key) in options.TenantKeys.Where(k => !string.IsNullOrEmpty(k.Value)))
        {
            yield return (new ApiPrincipal($"tenant:{tenant}", ApiRole.Operator, new HashSet<string>([tenant], StringComparer.Ordinal)), Digest(key));
        }

        // Checked at start-up (ApiKeyOptionsValidation): a key or a 64-digit hash, a known role, tenants.
        foreach (var (name, key) in options.Keys)
        {
            var digest = string.IsNullOrEmpty(key.Key) ? Convert.FromHexString(key.KeyHash!) : Digest(key.Key);
            var tenants = key.Tenants.Trim() == "*"
                ? null
                : new HashSet<string>(key.Tenants.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), StringComparer.Ordinal);
            yield return (new ApiPrincipal(name, ApiRoles.Parse(key.Role)!.Value, tenants), digest);
        }
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record KnownKeys(ApiKeyOptions Source, (ApiPrincipal Principal, byte[] Digest)[] Keys);
}

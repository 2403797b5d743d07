using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Security;

/// <summary>Decides whether an <c>X-Api-Key</c> opens a tenant. Compares SHA-256 digests in constant time.</summary>
public sealed class ApiKeyAuthorizer(IOptionsMonitor<ApiKeyOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    // The configured keys' digests, computed once per version of the options rather than on every request.
    private KnownKeys? _known;

    /// <summary>Whether the key opens at least one tenant: asked before a body is read; the per-tenant check follows it.</summary>
    public bool Knows(string? presentedKey) => Check(presentedKey, "") != ApiKeyCheck.Unauthenticated;

    public ApiKeyCheck Check(string? presentedKey, string tenantId)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return ApiKeyCheck.Unauthenticated;
        }

        var known = KnownKeysNow();
        var presented = Digest(presentedKey);
        if (known.Admin is { } admin && CryptographicOperations.FixedTimeEquals(presented, admin))
        {
            return ApiKeyCheck.Allowed;
        }

        var knownKey = false;
        foreach (var (tenant, key) in known.Tenants)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, key))
            {
                knownKey = true;
                if (string.Equals(tenant, tenantId, StringComparison.Ordinal))
                {
                    return ApiKeyCheck.Allowed;
                }
            }
        }

        return knownKey ? ApiKeyCheck.NotThisTenant : ApiKeyCheck.Unauthenticated;
    }

    private KnownKeys KnownKeysNow()
    {
        var current = options.CurrentValue;
        var known = Volatile.Read(ref _known);
        if (known is null || !ReferenceEquals(known.Source, current))
        {
            known = new KnownKeys(
                current,
                string.IsNullOrEmpty(current.AdminKey) ? null : Digest(current.AdminKey),
                [.. current.TenantKeys.Where(k => !string.IsNullOrEmpty(k.Value)).Select(k => (k.Key, Digest(k.Value)))]);
            Volatile.Write(ref _known, known);
        }

        return known;
    }

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    private sealed record KnownKeys(ApiKeyOptions Source, byte[]? Admin, (string Tenant, byte[] Digest)[] Tenants);
}

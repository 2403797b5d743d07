using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace EventSync.Api.Security;

/// <summary>Decides whether an <c>X-Api-Key</c> opens a tenant. Compares SHA-256 digests in constant time.</summary>
public sealed class ApiKeyAuthorizer(IOptionsMonitor<ApiKeyOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    public ApiKeyCheck Check(string? presentedKey, string tenantId)
    {
        if (string.IsNullOrEmpty(presentedKey))
        {
            return ApiKeyCheck.Unauthenticated;
        }

        var keys = options.CurrentValue;
        var presented = Digest(presentedKey);
        if (Matches(presented, keys.AdminKey))
        {
            return ApiKeyCheck.Allowed;
        }

        var knownKey = false;
        foreach (var (tenant, key) in keys.TenantKeys)
        {
            if (Matches(presented, key))
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

    private static bool Matches(byte[] presented, string? key) =>
        !string.IsNullOrEmpty(key) && CryptographicOperations.FixedTimeEquals(presented, Digest(key));

    private static byte[] Digest(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));
}

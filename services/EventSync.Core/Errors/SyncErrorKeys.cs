using System.IO.Hashing;
using System.Text;

namespace EventSync.Core.Errors;

/// <summary>How records and errors are named, the same in every store.</summary>
public static class SyncErrorKeys
{
    /// <summary>Object types compare trimmed and lower-case (<c>Contact</c> is <c>contact</c>); none at all is <c>unknown</c>.</summary>
    public static string ObjectType(string? objectType) =>
        string.IsNullOrWhiteSpace(objectType) ? "unknown" : objectType.Trim().ToLowerInvariant();

    /// <summary>
    /// The record: <c>hs:{hubSpotId}</c>, else <c>sf:{salesforceId}</c>; a failure that names neither (a failed insert from a
    /// Bulk API file, say) is a record of its own, <c>ev:{eventId}</c>.
    /// </summary>
    public static string RecordKey(string? hubSpotId, string? salesforceId, string eventId) =>
        !string.IsNullOrWhiteSpace(hubSpotId) ? $"hs:{hubSpotId.Trim()}"
        : !string.IsNullOrWhiteSpace(salesforceId) ? $"sf:{salesforceId.Trim()}"
        : $"ev:{eventId}";

    /// <summary>A short stable id for (tenant, object type, record, error type).</summary>
    public static string ErrorId(string tenantId, string objectType, string recordKey, string errorType)
    {
        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes($"{tenantId}\n{objectType}\n{recordKey}\n{errorType}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}

using System.IO.Hashing;
using System.Text;

namespace EventSync.Core.Storage;

/// <summary>How records and errors are named, the same in every store.</summary>
public static class SyncErrorKeys
{
    public static string RecordKey(string? hubSpotId, string? salesforceId) =>
        !string.IsNullOrWhiteSpace(hubSpotId) ? $"hs:{hubSpotId.Trim()}"
        : !string.IsNullOrWhiteSpace(salesforceId) ? $"sf:{salesforceId.Trim()}"
        : "none:";

    /// <summary>A short stable id for (tenant, object type, record, error type).</summary>
    public static string ErrorId(string tenantId, string objectType, string recordKey, string errorType)
    {
        var hash = XxHash128.Hash(Encoding.UTF8.GetBytes($"{tenantId}\n{objectType}\n{recordKey}\n{errorType}"));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using EventSync.Core.Errors;

namespace EventSync.Resync.Transient;

/// <summary>
/// The message id of an error's <c>TransientErrorSurfaced</c>: derived from the tenant, the error and the moment it
/// surfaced (kept by the store once set), so the announcement published again from the outbox (a dispatcher that died
/// before removing it) carries the same id and a consumer can tell it from a new one.
/// </summary>
internal static class SurfacedMessageId
{
    public static Guid Of(SyncError error, DateTimeOffset surfacedAt)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"transient-error-surfaced\n{error.TenantId}\n{error.Id}\n{surfacedAt.UtcTicks}");
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace EventSync.Resync.Dispatching;

/// <summary>
/// The message id of a part's <c>ResyncRecord</c>: derived from the tenant, the request and the part, so that a part
/// sent again (its first send never confirmed) carries the same id and an engine can tell it from a new resync; likewise
/// the id of a request's finish.
/// </summary>
internal static class ResyncMessageId
{
    public static Guid Of(string tenantId, string requestId, int partIndex)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"resync-record\n{tenantId}\n{requestId}\n{partIndex}");
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    /// <summary>The message id of a request's <c>ResyncRequestFinished</c>: the same every time that finish is announced.</summary>
    public static Guid OfFinish(string tenantId, string requestId)
    {
        var key = string.Create(CultureInfo.InvariantCulture, $"resync-request-finished\n{tenantId}\n{requestId}");
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }
}

namespace EventSync.Contracts;

/// <summary>
/// The largest values the wire accepts, in UTF-16 characters unless said otherwise. The JSON Schemas in
/// <c>contracts/schemas</c> carry the same numbers (<c>maxLength</c>, <c>maxItems</c>); the validators refuse anything
/// larger, naming the field.
/// </summary>
public static class WireLimits
{
    /// <summary><c>eventId</c>, <c>engineId</c>, <c>hubSpotId</c> and <c>salesforceId</c>.</summary>
    public const int MaxIdLength = 255;

    /// <summary>A tenant id: a letter or digit, then letters, digits, <c>.</c>, <c>_</c>, <c>:</c> or <c>-</c>.</summary>
    public const int MaxTenantIdLength = 64;

    /// <summary>What a tenant id looks like, on the wire and in the API's routes; no spaces, so no look-alike tenants.</summary>
    public const string TenantIdPattern = "^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$";

    /// <summary><c>objectType</c>, <c>source</c> and <c>direction</c> as sent (read leniently), and each error's <c>statusCode</c>, <c>errorCode</c>, <c>category</c>, <c>subCategory</c> and field names.</summary>
    public const int MaxNameLength = 255;

    /// <summary>An error's <c>message</c>: 32 KiB.</summary>
    public const int MaxMessageLength = 32 * 1024;

    /// <summary>An error's <c>raw</c> Bulk API cell, which holds the message and the field names: 64 KiB.</summary>
    public const int MaxRawLength = 64 * 1024;

    /// <summary>An error's <c>context</c>, measured as its JSON text: 16 KiB.</summary>
    public const int MaxContextLength = 16 * 1024;

    /// <summary>Field names per error.</summary>
    public const int MaxFieldsPerError = 100;

    /// <summary>Errors per <see cref="SyncFailureReported"/>.</summary>
    public const int MaxErrorsPerEvent = 100;

    /// <summary>How old an <c>occurredAt</c>, <c>syncedAt</c> or <c>reportedAt</c> may be when it arrives: late events are still welcome.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(365);

    /// <summary>How far ahead of the receiver's clock a timestamp may be (clocks drift; a day covers any time-zone mistake).</summary>
    public static readonly TimeSpan MaxAhead = TimeSpan.FromDays(1);
}

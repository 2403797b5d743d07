using EventSync.Contracts;

namespace EventSync.Core.Notifications;

/// <summary>
/// How a tenant hears about sync errors: on or off, how often, who, in which IANA time zone (digests go out at local
/// times) and in which language (<c>en</c> or <c>pl</c>).
/// </summary>
public sealed record NotificationSettings(
    string TenantId,
    bool Enabled,
    DigestFrequency Frequency,
    IReadOnlyList<string> Recipients,
    string TimeZone,
    string Language);

using EventSync.Contracts;
using EventSync.Core.Notifications;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>One per tenant in <c>notification_settings</c>, keyed by the tenant id; the frequency as its enum name.</summary>
internal sealed class NotificationSettingsDocument
{
    public string TenantId { get; set; } = "";

    public bool Enabled { get; set; }

    public DigestFrequency Frequency { get; set; }

    public string[] Recipients { get; set; } = [];

    public string TimeZone { get; set; } = "";

    public string Language { get; set; } = "";

    public static NotificationSettingsDocument From(NotificationSettings settings) => new()
    {
        TenantId = settings.TenantId,
        Enabled = settings.Enabled,
        Frequency = settings.Frequency,
        Recipients = [.. settings.Recipients],
        TimeZone = settings.TimeZone,
        Language = settings.Language,
    };

    public NotificationSettings ToSettings() => new(TenantId, Enabled, Frequency, Recipients, TimeZone, Language);
}

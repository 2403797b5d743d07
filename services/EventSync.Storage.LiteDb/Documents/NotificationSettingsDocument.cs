using EventSync.Contracts;

namespace EventSync.Storage.LiteDb.Documents;

// A tenant's NotificationSettings as stored, keyed by tenant; the frequency as its enum name.
internal sealed class NotificationSettingsDocument
{
    public string TenantId { get; set; } = "";

    public bool Enabled { get; set; }

    public DigestFrequency Frequency { get; set; }

    public List<string> Recipients { get; set; } = [];

    public string TimeZone { get; set; } = "";

    public string Language { get; set; } = "";
}

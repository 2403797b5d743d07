using EventSync.Core.Storage;

namespace EventSync.Storage.LiteDb.Documents;

// Notification settings and views to LiteDB documents and back.
internal static class SettingsAndViewMapping
{
    public static NotificationSettingsDocument ToDocument(NotificationSettings settings) => new()
    {
        TenantId = settings.TenantId,
        Enabled = settings.Enabled,
        Frequency = settings.Frequency,
        Recipients = [.. settings.Recipients],
        TimeZone = settings.TimeZone,
        Language = settings.Language,
    };

    public static NotificationSettings ToSettings(NotificationSettingsDocument document) =>
        new(document.TenantId, document.Enabled, document.Frequency, document.Recipients, document.TimeZone, document.Language);

    public static ViewDocument ToDocument(AffectedRecordsView view) => new()
    {
        Id = view.Id,
        TenantId = view.TenantId,
        ErrorType = view.Filter.ErrorType,
        Category = view.Filter.Category,
        State = view.Filter.State?.ToWire(),
        ObjectType = view.Filter.ObjectType,
        SeenFromUtcTicks = view.Filter.SeenFrom?.UtcTicks,
        SeenToUtcTicks = view.Filter.SeenTo?.UtcTicks,
        Text = view.Filter.Text,
        Fingerprint = view.Filter.Fingerprint,
        CreatedAtUtcTicks = view.CreatedAt.UtcTicks,
        ExpiresAtUtcTicks = view.ExpiresAt.UtcTicks,
    };

    public static AffectedRecordsView ToView(ViewDocument document)
    {
        var filter = new ErrorQuery(document.TenantId)
        {
            ErrorType = document.ErrorType,
            Category = document.Category,
            State = document.State is null ? null : SyncErrorDocumentMapping.ParseState(document.State),
            ObjectType = document.ObjectType,
            SeenFrom = SyncErrorDocumentMapping.ToInstant(document.SeenFromUtcTicks),
            SeenTo = SyncErrorDocumentMapping.ToInstant(document.SeenToUtcTicks),
            Text = document.Text,
            Fingerprint = document.Fingerprint,
        };
        return new(
            document.Id,
            document.TenantId,
            filter,
            SyncErrorDocumentMapping.FromTicks(document.CreatedAtUtcTicks),
            SyncErrorDocumentMapping.FromTicks(document.ExpiresAtUtcTicks));
    }
}

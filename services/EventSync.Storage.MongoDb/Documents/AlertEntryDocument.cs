using EventSync.Core.Notifications;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>One <see cref="AlertEntry"/> inside an <see cref="AlertWindowDocument"/>.</summary>
internal sealed class AlertEntryDocument
{
    public string ErrorId { get; set; } = "";

    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    public string? ObjectType { get; set; }

    public string? HubSpotId { get; set; }

    public string? SalesforceId { get; set; }

    public string Reason { get; set; } = "";

    public DateTimeOffset At { get; set; }

    public static AlertEntryDocument From(AlertEntry entry) => new()
    {
        ErrorId = entry.ErrorId,
        Category = entry.Category,
        ErrorType = entry.ErrorType,
        ObjectType = entry.ObjectType,
        HubSpotId = entry.HubSpotId,
        SalesforceId = entry.SalesforceId,
        Reason = entry.Reason,
        At = entry.At,
    };

    public AlertEntry ToEntry() => new(ErrorId, Category, ErrorType, ObjectType, HubSpotId, SalesforceId, Reason, At);
}

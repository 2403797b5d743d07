using EventSync.Contracts;

namespace EventSync.Notifications.Tests.Infrastructure;

/// <summary>Announcements of classified errors of one tenant's contacts, numbered by <c>i</c>.</summary>
public static class ClassifiedAlerts
{
    public static SyncErrorClassified Of(string tenant, int i, ErrorOccurrence occurrence, string category, string errorType, DateTimeOffset at) => new()
    {
        ErrorId = $"err-{i}",
        EventId = Guid.NewGuid().ToString(),
        TenantId = tenant,
        ObjectType = "contact",
        HubSpotId = $"{10_000 + i}",
        Category = category,
        ErrorType = errorType,
        RuleId = errorType,
        Occurrence = occurrence,
        OccurredAt = at,
    };
}

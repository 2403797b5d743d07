using EventSync.Contracts;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;

namespace EventSync.Resync.Tests.Infrastructure;

/// <summary>The <see cref="SyncErrorClassified"/> the classifier announces for a stored error.</summary>
public static class ClassifiedErrors
{
    public static SyncErrorClassified Of(SyncError error, string eventId, ErrorOccurrence occurrence, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new()
        {
            ErrorId = error.Id,
            EventId = eventId,
            TenantId = error.TenantId,
            EngineId = error.EngineId,
            ObjectType = error.ObjectType,
            HubSpotId = error.HubSpotId,
            Category = error.Category,
            ErrorType = error.ErrorType,
            Retryable = ErrorCatalog.Default.Get(error.ErrorType).Retryable,
            RuleId = error.RuleId,
            Occurrence = occurrence,
            OccurredAt = at,
        };
    }
}

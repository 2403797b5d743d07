using EventSync.Contracts;

namespace EventSync.Core.Storage;

/// <summary>
/// The life of an error, the same for every store: a new error opens, a repeat counts, a failure after the
/// record was resolved reopens it, and an event already counted changes nothing.
/// </summary>
public static class SyncErrorTransitions
{
    /// <summary>The error after <paramref name="occurrence"/>; null when that event was already counted.</summary>
    public static SyncErrorChange? Apply(SyncError? existing, FailureOccurrence occurrence)
    {
        ArgumentNullException.ThrowIfNull(occurrence);
        var eventId = occurrence.Failure.EventId;
        if (existing is null)
        {
            return new SyncErrorChange(Create(occurrence), ErrorOccurrence.New, 0);
        }

        if (existing.RecentEventIds.Contains(eventId, StringComparer.Ordinal))
        {
            return null;
        }

        var at = occurrence.OccurredAt;
        var isLatest = at >= existing.LastSeen;
        var reopens = existing.State == SyncErrorState.Resolved && existing.ResolvedAt is { } resolvedAt && at > resolvedAt;
        var counted = existing with
        {
            Occurrences = existing.Occurrences + 1,
            FirstSeen = at < existing.FirstSeen ? at : existing.FirstSeen,
            LastSeen = isLatest ? at : existing.LastSeen,
            RecentEventIds = Append(existing.RecentEventIds, eventId, SyncError.RecentEventIdLimit),
            History = Append(existing.History, Entry(occurrence), SyncError.HistoryLimit),
            Version = existing.Version + 1,
        };

        if (isLatest)
        {
            counted = WithLatestDetails(counted, occurrence);
        }

        if (reopens)
        {
            return new SyncErrorChange(counted with { State = SyncErrorState.Open, ResolvedAt = null }, ErrorOccurrence.Reopened, existing.Version);
        }

        // A record that fails again while its resync is pending needs a person again.
        var state = existing.State == SyncErrorState.ResyncPending && isLatest ? SyncErrorState.Open : existing.State;
        return new SyncErrorChange(counted with { State = state }, ErrorOccurrence.Recurring, existing.Version);
    }

    private static SyncError Create(FailureOccurrence occurrence)
    {
        var failure = occurrence.Failure;
        var classification = occurrence.Classification;
        var error = new SyncError
        {
            Id = occurrence.ErrorId,
            TenantId = failure.TenantId,
            ObjectType = occurrence.ObjectType,
            RecordKey = occurrence.RecordKey,
            Category = classification.Category,
            ErrorType = classification.ErrorType,
            RuleId = classification.RuleId,
            Fingerprint = classification.Fingerprint,
            LastEventId = failure.EventId,
            State = SyncErrorState.Open,
            FirstSeen = occurrence.OccurredAt,
            LastSeen = occurrence.OccurredAt,
            Occurrences = 1,
            RecentEventIds = [failure.EventId],
            History = [Entry(occurrence)],
            Version = 1,
        };
        return WithLatestDetails(error, occurrence);
    }

    private static SyncError WithLatestDetails(SyncError error, FailureOccurrence occurrence)
    {
        var failure = occurrence.Failure;
        var classification = occurrence.Classification;
        return error with
        {
            HubSpotId = Blank(failure.HubSpotId) ?? error.HubSpotId,
            SalesforceId = Blank(failure.SalesforceId) ?? error.SalesforceId,
            EngineId = Blank(failure.EngineId) ?? error.EngineId,
            Source = Blank(failure.Source) ?? error.Source,
            Direction = Blank(failure.Direction) ?? error.Direction,
            RuleId = classification.RuleId,
            Fingerprint = classification.Fingerprint,
            StatusCode = classification.StatusCode,
            Message = classification.Message,
            Fields = classification.Fields,
            RawErrors = failure.Errors,
            LastEventId = failure.EventId,
        };
    }

    private static ErrorOccurrenceEntry Entry(FailureOccurrence occurrence) =>
        new(occurrence.Failure.EventId, occurrence.OccurredAt, occurrence.Classification.StatusCode, occurrence.Classification.Message);

    private static List<T> Append<T>(IReadOnlyList<T> items, T item, int limit)
    {
        var list = new List<T>(Math.Min(items.Count + 1, limit));
        list.AddRange(items.Skip(Math.Max(0, items.Count + 1 - limit)));
        list.Add(item);
        return list;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

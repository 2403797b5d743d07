using EventSync.Contracts;

namespace EventSync.Core.Errors;

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

        if (reopens || (existing.State == SyncErrorState.Ignored && IgnoreEnds(existing.Ignore, counted.Occurrences, at)))
        {
            return new SyncErrorChange(counted with { State = SyncErrorState.Open, ResolvedAt = null, Ignore = null }, ErrorOccurrence.Reopened, existing.Version);
        }

        // A record that fails again while its resync is pending needs a person again.
        var state = existing.State == SyncErrorState.ResyncPending && isLatest ? SyncErrorState.Open : existing.State;
        return new SyncErrorChange(counted with { State = state }, ErrorOccurrence.Recurring, existing.Version);
    }

    /// <summary>
    /// The error resolved by its record's sync: a current error last seen at or before <see cref="RecordResolution.SyncedAt"/>
    /// whose HubSpot or Salesforce id is the record's. Null when the sync leaves it as it is.
    /// </summary>
    public static SyncError? Resolve(SyncError error, RecordResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(resolution);
        var resolves = error.State != SyncErrorState.Resolved
            && string.Equals(error.TenantId, resolution.TenantId, StringComparison.Ordinal)
            && string.Equals(error.ObjectType, SyncErrorKeys.ObjectType(resolution.ObjectType), StringComparison.Ordinal)
            && error.LastSeen <= resolution.SyncedAt
            && (SameId(error.HubSpotId, resolution.HubSpotId) || SameId(error.SalesforceId, resolution.SalesforceId));
        return resolves ? error with { State = SyncErrorState.Resolved, ResolvedAt = resolution.SyncedAt, Ignore = null, Version = error.Version + 1 } : null;
    }

    /// <summary>An open error waits for its resync; null for one already pending (it waits already) or resolved (it needs none).</summary>
    public static SyncError? MarkResyncPending(SyncError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.State == SyncErrorState.Open ? error with { State = SyncErrorState.ResyncPending, Version = error.Version + 1 } : null;
    }

    /// <summary>
    /// The error ignored as <paramref name="ignore"/> says (an ignored one takes the new conditions); null for a resolved
    /// error, which needs nothing. <see cref="ErrorIgnore.ReopenAtOccurrences"/> is counted from the error's occurrences now.
    /// </summary>
    public static SyncError? Ignore(SyncError error, ErrorIgnore ignore)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(ignore);
        if (error.State == SyncErrorState.Resolved)
        {
            return null;
        }

        var kept = ignore with { ReopenAtOccurrences = ignore.UntilOccurrences is { } more ? error.Occurrences + more : null };
        return error with { State = SyncErrorState.Ignored, Ignore = kept, Version = error.Version + 1 };
    }

    /// <summary>An ignored error back to open, as a person asked; null for one not ignored.</summary>
    public static SyncError? Restore(SyncError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.State == SyncErrorState.Ignored ? error with { State = SyncErrorState.Open, Ignore = null, Version = error.Version + 1 } : null;
    }

    /// <summary>An ignored error whose date came by <paramref name="now"/>, reopened; null for any other.</summary>
    public static SyncErrorChange? ReopenIfDue(SyncError error, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error is { State: SyncErrorState.Ignored, Ignore.Until: { } until } && until <= now
            ? new SyncErrorChange(error with { State = SyncErrorState.Open, Ignore = null, Version = error.Version + 1 }, ErrorOccurrence.Reopened, error.Version)
            : null;
    }

    /// <summary>The error assigned to <paramref name="assignee"/> (null: to nobody); null when it is assigned so already.</summary>
    public static SyncError? Assign(SyncError error, string? assignee)
    {
        ArgumentNullException.ThrowIfNull(error);
        return string.Equals(error.Assignee, assignee, StringComparison.Ordinal) ? null : error with { Assignee = assignee, Version = error.Version + 1 };
    }

    /// <summary>The error with <paramref name="note"/> after its others, keeping the last <see cref="SyncError.NoteLimit"/>.</summary>
    public static SyncError AddNote(SyncError error, ErrorNote note)
    {
        ArgumentNullException.ThrowIfNull(error);
        ArgumentNullException.ThrowIfNull(note);
        return error with { Notes = Append(error.Notes, note, SyncError.NoteLimit), Version = error.Version + 1 };
    }

    /// <summary>A transient error that kept failing shows like any other from <paramref name="at"/>; null when it surfaced already.</summary>
    public static SyncError? Surface(SyncError error, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error.SurfacedAt is null ? error with { SurfacedAt = at, Version = error.Version + 1 } : null;
    }

    private static bool IgnoreEnds(ErrorIgnore? ignore, long occurrences, DateTimeOffset at) =>
        ignore is not null
        && ((ignore.ReopenAtOccurrences is { } count && occurrences >= count) || (ignore.Until is { } until && at >= until));

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
            RawErrors = StoredRawErrors.Of(failure.Errors, occurrence.ErrorIndex),
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

    private static bool SameId(string? stored, string? resolving) =>
        stored is not null && resolving is not null && string.Equals(stored, resolving, StringComparison.Ordinal);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

using EventSync.Contracts;

namespace EventSync.Core.Errors;

/// <summary>
/// The error of one type on one record of one tenant: there is one per (tenant, object type, record, error type).
/// A repeat raises <see cref="Occurrences"/> and <see cref="LastSeen"/>; a resolved error is kept for history and
/// reopened when the record fails again.
/// </summary>
public sealed record SyncError
{
    public const int RecentEventIdLimit = 64;
    public const int HistoryLimit = 20;
    public const int NoteLimit = 100;

    /// <summary>Stable: derived from the key, so every store and every instance names an error the same.</summary>
    public required string Id { get; init; }

    public required string TenantId { get; init; }

    public required string ObjectType { get; init; }

    /// <summary>The record (see <see cref="SyncErrorKeys.RecordKey"/>).</summary>
    public required string RecordKey { get; init; }

    public string? HubSpotId { get; init; }

    public string? SalesforceId { get; init; }

    public string? EngineId { get; init; }

    public string? Source { get; init; }

    public string? Direction { get; init; }

    public required string Category { get; init; }

    public required string ErrorType { get; init; }

    public required string RuleId { get; init; }

    public required string Fingerprint { get; init; }

    public string? StatusCode { get; init; }

    public string? Message { get; init; }

    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>The errors of the last failure exactly as the engine reported them.</summary>
    public IReadOnlyList<ReportedError> RawErrors { get; init; } = [];

    public SyncErrorState State { get; init; }

    public DateTimeOffset FirstSeen { get; init; }

    public DateTimeOffset LastSeen { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public long Occurrences { get; init; }

    /// <summary>
    /// Set when a transient error kept failing through all its automatic resyncs: it then shows on the cards like any other
    /// open error (transient ones are left out otherwise).
    /// </summary>
    public DateTimeOffset? SurfacedAt { get; init; }

    public required string LastEventId { get; init; }

    /// <summary>The last events counted, newest last: a redelivered event is recognised and counted once.</summary>
    public IReadOnlyList<string> RecentEventIds { get; init; } = [];

    public IReadOnlyList<ErrorOccurrenceEntry> History { get; init; } = [];

    /// <summary>Raised by every write: stores use it for optimistic concurrency.</summary>
    public long Version { get; init; }

    /// <summary>Why and until when a person ignores this error; set only while it is <see cref="SyncErrorState.Ignored"/>.</summary>
    public ErrorIgnore? Ignore { get; init; }

    /// <summary>Who looks at this error (an email address or a name), as a person set it; null when nobody does.</summary>
    public string? Assignee { get; init; }

    /// <summary>What people wrote about this error, oldest first; the last <see cref="NoteLimit"/>.</summary>
    public IReadOnlyList<ErrorNote> Notes { get; init; } = [];

    /// <summary>Open or resync-pending: an error that still needs something done (neither resolved nor ignored).</summary>
    public bool IsCurrent => State is SyncErrorState.Open or SyncErrorState.ResyncPending;
}

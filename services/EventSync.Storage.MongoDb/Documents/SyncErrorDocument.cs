using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>A <see cref="SyncError"/> as stored in <c>sync_errors</c>: <c>_id</c> is the stable error id.</summary>
internal sealed class SyncErrorDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string ObjectType { get; set; } = "";

    public string RecordKey { get; set; } = "";

    public string? HubSpotId { get; set; }

    public string? SalesforceId { get; set; }

    public string? EngineId { get; set; }

    public string? Source { get; set; }

    public string? Direction { get; set; }

    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    public string RuleId { get; set; } = "";

    public string Fingerprint { get; set; } = "";

    public string? StatusCode { get; set; }

    public string? Message { get; set; }

    public string[] Fields { get; set; } = [];

    public ReportedErrorDocument[] RawErrors { get; set; } = [];

    public SyncErrorState State { get; set; }

    public DateTimeOffset FirstSeen { get; set; }

    public DateTimeOffset LastSeen { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    public long Occurrences { get; set; }

    public DateTimeOffset? SurfacedAt { get; set; }

    public ErrorIgnoreDocument? Ignore { get; set; }

    public string? Assignee { get; set; }

    /// <summary>Absent when the error has no notes.</summary>
    public ErrorNoteDocument[]? Notes { get; set; }

    public string LastEventId { get; set; } = "";

    public string[] RecentEventIds { get; set; } = [];

    public ErrorOccurrenceEntryDocument[] History { get; set; } = [];

    public long Version { get; set; }

    /// <summary>The announcements of this error's writes not yet published; absent when none wait.</summary>
    public OutboxEntryDocument[]? Outbox { get; set; }

    /// <summary>Until when a dispatcher holds <see cref="Outbox"/>; absent when no one does.</summary>
    public DateTimeOffset? OutboxLeaseUntil { get; set; }

    public static SyncErrorDocument From(SyncError error) => new()
    {
        Id = error.Id,
        TenantId = error.TenantId,
        ObjectType = error.ObjectType,
        RecordKey = error.RecordKey,
        HubSpotId = error.HubSpotId,
        SalesforceId = error.SalesforceId,
        EngineId = error.EngineId,
        Source = error.Source,
        Direction = error.Direction,
        Category = error.Category,
        ErrorType = error.ErrorType,
        RuleId = error.RuleId,
        Fingerprint = error.Fingerprint,
        StatusCode = error.StatusCode,
        Message = error.Message,
        Fields = [.. error.Fields],
        RawErrors = [.. error.RawErrors.Select(ReportedErrorDocument.From)],
        State = error.State,
        FirstSeen = error.FirstSeen,
        LastSeen = error.LastSeen,
        ResolvedAt = error.ResolvedAt,
        Occurrences = error.Occurrences,
        SurfacedAt = error.SurfacedAt,
        Ignore = error.Ignore is null ? null : ErrorIgnoreDocument.From(error.Ignore),
        Assignee = error.Assignee,
        Notes = error.Notes.Count == 0 ? null : [.. error.Notes.Select(ErrorNoteDocument.From)],
        LastEventId = error.LastEventId,
        RecentEventIds = [.. error.RecentEventIds],
        History = [.. error.History.Select(ErrorOccurrenceEntryDocument.From)],
        Version = error.Version,
    };

    public SyncError ToSyncError() => new()
    {
        Id = Id,
        TenantId = TenantId,
        ObjectType = ObjectType,
        RecordKey = RecordKey,
        HubSpotId = HubSpotId,
        SalesforceId = SalesforceId,
        EngineId = EngineId,
        Source = Source,
        Direction = Direction,
        Category = Category,
        ErrorType = ErrorType,
        RuleId = RuleId,
        Fingerprint = Fingerprint,
        StatusCode = StatusCode,
        Message = Message,
        Fields = Fields,
        RawErrors = [.. RawErrors.Select(e => e.ToReportedError())],
        State = State,
        FirstSeen = FirstSeen,
        LastSeen = LastSeen,
        ResolvedAt = ResolvedAt,
        Occurrences = Occurrences,
        SurfacedAt = SurfacedAt,
        Ignore = Ignore?.ToIgnore(),
        Assignee = Assignee,
        Notes = [.. (Notes ?? []).Select(n => n.ToNote())],
        LastEventId = LastEventId,
        RecentEventIds = RecentEventIds,
        History = [.. History.Select(h => h.ToEntry())],
        Version = Version,
    };
}

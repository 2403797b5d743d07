using JsonSerializer = System.Text.Json.JsonSerializer;
using EventSync.Contracts;
using EventSync.Core.Storage;
using LiteDB;

namespace EventSync.Storage.LiteDb.Documents;

// The one place that knows how domain records become LiteDB documents and back.
internal static class SyncErrorDocumentMapping
{
    // Above every character of a key: prefix + KeyRangeEnd closes the range of keys starting with prefix.
    public const char KeyRangeEnd = '\uffff';

    private const char KeySeparator = '\u001f';

    public static BsonMapper CreateMapper()
    {
        // LiteDB trims strings and turns "" into null by default: a store must keep what it was given.
        var mapper = new BsonMapper { TrimWhitespace = false, EmptyStringToNull = false, SerializeNullValues = false, EnumAsInteger = false };
        mapper.UseCamelCase();
        mapper.Entity<SyncErrorDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<ApiUsageDocument>().Id(d => d.TenantId, autoId: false);
        mapper.Entity<NotificationSettingsDocument>().Id(d => d.TenantId, autoId: false);
        mapper.Entity<ViewDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<ErrorCardCountDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<ErrorCardRecordDocument>().Id(d => d.Id, autoId: false);
        mapper.Entity<StoreMetaDocument>().Id(d => d.Id, autoId: false);
        return mapper;
    }

    public static string CardKeyPrefix(string tenantId, SyncErrorState state) => Key(tenantId, state.ToWire(), "");

    public static string CardKey(string tenantId, SyncErrorState state, string errorType) => Key(tenantId, state.ToWire(), errorType);

    // Fixed width, so that keys of one tenant sort by last seen.
    public static string PagingKey(string tenantId, long lastSeenUtcTicks) =>
        Key(tenantId, lastSeenUtcTicks.ToString("D19", System.Globalization.CultureInfo.InvariantCulture));

    public static string PagingKeyPrefix(string tenantId) => Key(tenantId, "");

    public static string RecordIdKey(string tenantId, string objectType, string recordId) => Key(tenantId, objectType, recordId);

    public static SyncErrorDocument ToDocument(SyncError error) => new()
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
        RawErrorsJson = JsonSerializer.Serialize(error.RawErrors, ContractJson.Options),
        State = error.State.ToWire(),
        FirstSeenUtcTicks = error.FirstSeen.UtcTicks,
        LastSeenUtcTicks = error.LastSeen.UtcTicks,
        ResolvedAtUtcTicks = error.ResolvedAt?.UtcTicks,
        Occurrences = error.Occurrences,
        SurfacedAtUtcTicks = error.SurfacedAt?.UtcTicks,
        LastEventId = error.LastEventId,
        RecentEventIds = [.. error.RecentEventIds],
        History = [.. error.History.Select(ToDocument)],
        Version = error.Version,
        CardKey = CardKey(error.TenantId, error.State, error.ErrorType),
        HubSpotKey = error.HubSpotId is null ? null : RecordIdKey(error.TenantId, error.ObjectType, error.HubSpotId),
        SalesforceKey = error.SalesforceId is null ? null : RecordIdKey(error.TenantId, error.ObjectType, error.SalesforceId),
        PagingKey = PagingKey(error.TenantId, error.LastSeen.UtcTicks),
    };

    public static SyncError ToError(SyncErrorDocument document) => new()
    {
        Id = document.Id,
        TenantId = document.TenantId,
        ObjectType = document.ObjectType,
        RecordKey = document.RecordKey,
        HubSpotId = document.HubSpotId,
        SalesforceId = document.SalesforceId,
        EngineId = document.EngineId,
        Source = document.Source,
        Direction = document.Direction,
        Category = document.Category,
        ErrorType = document.ErrorType,
        RuleId = document.RuleId,
        Fingerprint = document.Fingerprint,
        StatusCode = document.StatusCode,
        Message = document.Message,
        Fields = document.Fields,
        RawErrors = JsonSerializer.Deserialize<List<ReportedError>>(document.RawErrorsJson, ContractJson.Options) ?? [],
        State = ParseState(document.State),
        FirstSeen = FromTicks(document.FirstSeenUtcTicks),
        LastSeen = FromTicks(document.LastSeenUtcTicks),
        ResolvedAt = ToInstant(document.ResolvedAtUtcTicks),
        Occurrences = document.Occurrences,
        SurfacedAt = ToInstant(document.SurfacedAtUtcTicks),
        LastEventId = document.LastEventId,
        RecentEventIds = document.RecentEventIds,
        History = [.. document.History.Select(ToEntry)],
        Version = document.Version,
    };

    // Null while only an operator's allocation is stored: ApiUsage stands for reported figures.
    public static ApiUsage? ToUsage(ApiUsageDocument document) =>
        document.ReportedAtUtcTicks is { } reportedAt
            ? new(document.TenantId, document.UsedLast24h, document.SalesforceLimit, document.AllocatedToHubSpot, FromTicks(reportedAt))
            : null;

    public static ApiAllocation ToAllocation(ApiUsageDocument document) =>
        new(document.TenantId, document.AllocatedToHubSpot ?? 0, document.UsedLast24h, document.SalesforceLimit, ToInstant(document.ReportedAtUtcTicks));

    public static ApiUsageDocument ToDocument(ApiUsage usage) => new()
    {
        TenantId = usage.TenantId,
        UsedLast24h = usage.UsedLast24h,
        SalesforceLimit = usage.SalesforceLimit,
        AllocatedToHubSpot = usage.AllocatedToHubSpot,
        ReportedAtUtcTicks = usage.ReportedAt.UtcTicks,
    };

    private static HistoryEntryDocument ToDocument(ErrorOccurrenceEntry entry) => new()
    {
        EventId = entry.EventId,
        OccurredAtUtcTicks = entry.OccurredAt.UtcTicks,
        StatusCode = entry.StatusCode,
        Message = entry.Message,
    };

    private static ErrorOccurrenceEntry ToEntry(HistoryEntryDocument document) =>
        new(document.EventId, FromTicks(document.OccurredAtUtcTicks), document.StatusCode, document.Message);

    public static SyncErrorState ParseState(string state) =>
        Enum.GetValues<SyncErrorState>().Single(s => string.Equals(s.ToWire(), state, StringComparison.Ordinal));

    public static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static DateTimeOffset? ToInstant(long? utcTicks) => utcTicks is { } ticks ? FromTicks(ticks) : null;

    public static string Key(params string[] parts) => string.Join(KeySeparator, parts);
}

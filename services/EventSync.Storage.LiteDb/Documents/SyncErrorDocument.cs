namespace EventSync.Storage.LiteDb.Documents;

// A SyncError as stored: instants as UTC ticks (BSON dates keep only milliseconds), plus index keys.
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

    public List<string> Fields { get; set; } = [];

    // The reported errors as wire JSON: kept exactly, including HubSpot's free-form context.
    public string RawErrorsJson { get; set; } = "[]";

    public string State { get; set; } = "";

    public long FirstSeenUtcTicks { get; set; }

    public long LastSeenUtcTicks { get; set; }

    public long? ResolvedAtUtcTicks { get; set; }

    public long Occurrences { get; set; }

    public long? SurfacedAtUtcTicks { get; set; }

    public string LastEventId { get; set; } = "";

    public List<string> RecentEventIds { get; set; } = [];

    public List<HistoryEntryDocument> History { get; set; } = [];

    public long Version { get; set; }

    // tenant, state, error type: the sync-health cards read the current states of one tenant.
    public string CardKey { get; set; } = "";

    // tenant, object type, HubSpot id; null without a HubSpot id (a null never resolves anything).
    public string? HubSpotKey { get; set; }

    // tenant, object type, Salesforce id; null without a Salesforce id.
    public string? SalesforceKey { get; set; }

    // tenant, last seen: pages through a tenant's errors newest first.
    public string PagingKey { get; set; } = "";
}

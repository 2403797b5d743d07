using LiteDB;

namespace EventSync.Storage.LiteDb.Documents;

// A resync request as stored: the request itself as JSON (read and written whole, under the write lock), plus index keys.
internal sealed class ResyncRequestDocument
{
    [BsonId]
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string RequestJson { get; set; } = "";

    // tenant, not-before, request id while any part waits to go out; null otherwise.
    public string? WaitingKey { get; set; }

    // tenant, object type, record id of every sent part (HubSpot and Salesforce id): what RecordSynced looks up.
    public List<string> SentRecordKeys { get; set; } = [];

    // tenant, error id of every error of a sent part.
    public List<string> SentErrorKeys { get; set; } = [];
}

using LiteDB;

namespace EventSync.Storage.LiteDb.Documents;

// How often a transient error failed since it was last resolved, and the events counted (a redelivery counts once).
internal sealed class TransientRetryDocument
{
    [BsonId]
    public string ErrorId { get; set; } = "";

    public string TenantId { get; set; } = "";

    public int Failures { get; set; }

    public List<string> RecentEventIds { get; set; } = [];
}

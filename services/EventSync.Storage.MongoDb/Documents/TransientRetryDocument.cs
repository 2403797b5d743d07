namespace EventSync.Storage.MongoDb.Documents;

/// <summary>How often a transient error failed since it was last resolved (<c>_id</c> = error id), with the events counted.</summary>
internal sealed class TransientRetryDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public int Failures { get; set; }

    public string[] RecentEventIds { get; set; } = [];
}

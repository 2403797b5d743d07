namespace EventSync.Storage.MongoDb.Documents;

/// <summary>
/// In <c>store_meta</c>: which instance rebuilds derived data (the card counters) and until when, by the server's clock;
/// absent when no rebuild runs.
/// </summary>
internal sealed class RebuildLeaseDocument
{
    public string Id { get; set; } = "";

    public string Owner { get; set; } = "";

    public DateTime LeaseUntil { get; set; }
}

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>A marker in <c>store_meta</c>: which version of derived data (such as the card counters) the database holds.</summary>
internal sealed class StoreMetaDocument
{
    public string Id { get; set; } = "";

    public int Version { get; set; }
}

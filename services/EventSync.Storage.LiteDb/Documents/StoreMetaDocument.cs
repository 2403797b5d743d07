namespace EventSync.Storage.LiteDb.Documents;

// A marker in store_meta: which version of derived data (such as the card counters) the file holds.
internal sealed class StoreMetaDocument
{
    public string Id { get; set; } = "";

    public int Version { get; set; }
}

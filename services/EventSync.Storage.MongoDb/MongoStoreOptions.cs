namespace EventSync.Storage.MongoDb;

/// <summary>Settings of the MongoDB store, bound from <c>EventSync:MongoDb</c>; the server comes from <c>ConnectionStrings:mongodb</c>.</summary>
public sealed class MongoStoreOptions
{
    public const string SectionName = "EventSync:MongoDb";

    public const string ConnectionStringName = "mongodb";

    public string DatabaseName { get; set; } = "eventsync";
}

namespace EventSync.Storage.MongoDb;

/// <summary>Settings of the MongoDB store, bound from <c>EventSync:MongoDb</c>; the server comes from <c>ConnectionStrings:mongodb</c>.</summary>
public sealed class MongoStoreOptions
{
    public const string SectionName = "EventSync:MongoDb";

    public const string ConnectionStringName = "mongodb";

    /// <summary>The shortest <see cref="FinishedResyncRetention"/>: operators look at a finished request for a while.</summary>
    public static readonly TimeSpan MinFinishedResyncRetention = TimeSpan.FromHours(1);

    /// <summary>The longest <see cref="FinishedResyncRetention"/>, well inside what a TTL index takes.</summary>
    public static readonly TimeSpan MaxFinishedResyncRetention = TimeSpan.FromDays(3650);

    public string DatabaseName { get; set; } = "eventsync";

    /// <summary>How long a finished resync request (no part waiting or out) is kept before the TTL index removes it.</summary>
    public TimeSpan FinishedResyncRetention { get; set; } = TimeSpan.FromDays(30);
}

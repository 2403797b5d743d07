namespace EventSync.Storage.LiteDb;

/// <summary>Where the embedded store keeps its file; bound from the <c>EventSync</c> section (<c>EventSync:DataDir</c>).</summary>
public sealed class LiteDbStoreOptions
{
    public const string SectionName = "EventSync";

    /// <summary>The directory of <c>eventsync.db</c>; relative paths start at the working directory.</summary>
    public string DataDir { get; set; } = "./data";
}

namespace EventSync.Storage.Sqlite;

/// <summary>Where the embedded store keeps its file; bound from the <c>EventSync</c> section (<c>EventSync:DataDir</c>).</summary>
public sealed class SqliteStoreOptions
{
    public const string SectionName = "EventSync";

    /// <summary>The directory of <c>eventsync.sqlite</c>; relative paths start at the working directory.</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>How long a write waits for another process's write to finish before it fails.</summary>
    public TimeSpan BusyTimeout { get; set; } = TimeSpan.FromSeconds(30);
}

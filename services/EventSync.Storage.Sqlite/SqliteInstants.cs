namespace EventSync.Storage.Sqlite;

/// <summary>Instants as the store keeps them: UTC ticks in an INTEGER column, so that nothing is rounded and they sort.</summary>
internal static class SqliteInstants
{
    public static DateTimeOffset FromTicks(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    public static DateTimeOffset? FromTicks(long? utcTicks) => utcTicks is { } ticks ? FromTicks(ticks) : null;

    public static long? ToTicks(DateTimeOffset? instant) => instant?.UtcTicks;
}

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>Whole values kept as JSON in a <c>body</c> column, in the wire's settings.</summary>
internal static class SqliteJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Info<T>());

    public static T Read<T>(string json, string what) =>
        JsonSerializer.Deserialize(json, Info<T>()) ?? throw new InvalidOperationException($"{what} is stored empty.");

    private static JsonTypeInfo<T> Info<T>() =>
        SqliteJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no JSON contract in {nameof(SqliteJsonContext)}.");
}

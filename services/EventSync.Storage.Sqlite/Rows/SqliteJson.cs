using System.Text.Json;
using EventSync.Contracts;

namespace EventSync.Storage.Sqlite.Rows;

/// <summary>Whole values kept as JSON in a <c>body</c> column, in the wire's settings.</summary>
internal static class SqliteJson
{
    public static string Write<T>(T value) => JsonSerializer.Serialize(value, ContractJson.Options);

    public static T Read<T>(string json, string what) =>
        JsonSerializer.Deserialize<T>(json, ContractJson.Options) ?? throw new InvalidOperationException($"{what} is stored empty.");
}

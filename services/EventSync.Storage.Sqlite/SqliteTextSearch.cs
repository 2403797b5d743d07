using Microsoft.Data.Sqlite;

namespace EventSync.Storage.Sqlite;

/// <summary>
/// <c>contains_text(field, text)</c>: a case-insensitive substring test with .NET's ordinal rules, the same in every store
/// (SQLite's LIKE folds ASCII only and treats % and _ as wildcards).
/// </summary>
internal static class SqliteTextSearch
{
    public const string FunctionName = "contains_text";

    public static void Register(SqliteConnection connection) =>
        connection.CreateFunction<string?, string?, bool>(
            FunctionName,
            (field, text) => field is not null && text is not null && field.Contains(text, StringComparison.OrdinalIgnoreCase),
            isDeterministic: true);
}

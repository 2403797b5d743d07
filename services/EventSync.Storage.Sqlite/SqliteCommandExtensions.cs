using Microsoft.Data.Sqlite;

namespace EventSync.Storage.Sqlite;

/// <summary>Binding values to the parameters of a prepared command, and reading what it returns.</summary>
internal static class SqliteCommandExtensions
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/> (null as SQL NULL), adding the parameter on first use.</summary>
    public static SqliteCommand With(this SqliteCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameters = command.Parameters;
        var index = parameters.IndexOf(name);
        if (index < 0)
        {
            parameters.AddWithValue(name, value ?? DBNull.Value);
        }
        else
        {
            parameters[index].Value = value ?? DBNull.Value;
        }

        return command;
    }

    /// <summary>The rows of the command, one value each read by <paramref name="read"/>.</summary>
    public static List<T> ReadAll<T>(this SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(read);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(read(reader));
        }

        return rows;
    }

    /// <summary>The first row read by <paramref name="read"/>, or the default when there is none.</summary>
    public static T? ReadFirst<T>(this SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(read);
        using var reader = command.ExecuteReader();
        return reader.Read() ? read(reader) : default;
    }

    public static string? NullableString(this SqliteDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
    }

    public static long? NullableInt64(this SqliteDataReader reader, int ordinal)
    {
        ArgumentNullException.ThrowIfNull(reader);
        return reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);
    }
}

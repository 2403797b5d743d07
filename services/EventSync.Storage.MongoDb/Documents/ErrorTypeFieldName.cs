using System.Text;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>
/// An error type as a field name of <c>countsByErrorType</c>, injective and always a valid single path element:
/// <c>%</c>, <c>.</c>, <c>$</c> and NUL are written <c>%25</c>, <c>%2E</c>, <c>%24</c>, <c>%00</c>, and the empty type is
/// <c>%</c> alone (no escape ends a name that way). Kebab-case ids, the catalog's, are their own field names.
/// </summary>
internal static class ErrorTypeFieldName
{
    private const string Empty = "%";

    public static string Encode(string errorType)
    {
        ArgumentNullException.ThrowIfNull(errorType);
        if (errorType.Length == 0)
        {
            return Empty;
        }

        var name = new StringBuilder(errorType.Length);
        foreach (var c in errorType)
        {
            name.Append(c switch
            {
                '%' => "%25",
                '.' => "%2E",
                '$' => "%24",
                '\0' => "%00",
                _ => c.ToString(),
            });
        }

        return name.ToString();
    }

    public static string Decode(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        if (fieldName == Empty)
        {
            return "";
        }

        var type = new StringBuilder(fieldName.Length);
        for (var i = 0; i < fieldName.Length; i++)
        {
            if (fieldName[i] == '%' && i + 2 < fieldName.Length && Escaped(fieldName.AsSpan(i + 1, 2)) is { } c)
            {
                type.Append(c);
                i += 2;
            }
            else
            {
                type.Append(fieldName[i]);
            }
        }

        return type.ToString();
    }

    private static char? Escaped(ReadOnlySpan<char> hex) => hex switch
    {
        "25" => '%',
        "2E" => '.',
        "24" => '$',
        "00" => '\0',
        _ => null,
    };
}

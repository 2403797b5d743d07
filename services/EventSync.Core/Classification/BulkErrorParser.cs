namespace EventSync.Core.Classification;

/// <summary>
/// Splits a Bulk API 2.0 <c>sf__Error</c> cell, <c>STATUS_CODE:message:Field1,Field2 --</c>, into its parts.
/// The message may itself contain colons; the field list is the part after the last colon when it reads as
/// a list of API names written straight after that colon (Salesforce puts no space there).
/// </summary>
public static class BulkErrorParser
{
    public static bool TryParse(string? raw, out string code, out string message, out IReadOnlyList<string> fields)
    {
        code = "";
        message = raw?.Trim() ?? "";
        fields = [];
        if (message.Length == 0)
        {
            return false;
        }

        var text = message.AsSpan();
        if (text.EndsWith("--", StringComparison.Ordinal))
        {
            text = text[..^2].TrimEnd();
        }

        var firstColon = text.IndexOf(':');
        if (firstColon <= 0 || !StatusCodes.LooksLikeCode(text[..firstColon].Trim()))
        {
            return false;
        }

        code = StatusCodes.Normalize(text[..firstColon]);
        var rest = text[(firstColon + 1)..];
        var lastColon = rest.LastIndexOf(':');
        if (lastColon >= 0 && IsFieldList(rest[(lastColon + 1)..]))
        {
            fields = SplitFields(rest[(lastColon + 1)..]);
            rest = rest[..lastColon];
        }

        message = rest.Trim().ToString();
        return true;
    }

    private static bool IsFieldList(ReadOnlySpan<char> part)
    {
        if (part.IsEmpty || part.IsWhiteSpace())
        {
            return true;
        }

        if (char.IsWhiteSpace(part[0]))
        {
            return false;
        }

        foreach (var c in part.TrimEnd())
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or ',' or ' '))
            {
                return false;
            }
        }

        return char.IsAsciiLetter(part[0]);
    }

    private static string[] SplitFields(ReadOnlySpan<char> part) =>
        part.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

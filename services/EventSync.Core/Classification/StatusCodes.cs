namespace EventSync.Core.Classification;

/// <summary>Status codes as Salesforce and HubSpot write them: upper-case words joined by underscores.</summary>
public static class StatusCodes
{
    /// <summary>Whether <paramref name="text"/> reads as a status code: <c>UNABLE_TO_LOCK_ROW</c>, <c>unable_to_lock_row</c>, <c>CONFLICT</c>.</summary>
    public static bool LooksLikeCode(ReadOnlySpan<char> text)
    {
        if (text.Length < 3 || text.Length > 80 || !char.IsAsciiLetter(text[0]))
        {
            return false;
        }

        var hasUnderscore = false;
        var allUpper = true;
        foreach (var c in text)
        {
            if (c == '_')
            {
                hasUnderscore = true;
            }
            else if (!char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
            else if (char.IsAsciiLetterLower(c))
            {
                allUpper = false;
            }
        }

        return hasUnderscore || allUpper;
    }

    /// <summary>Upper case, with spaces and hyphens turned into underscores; the same instance when it already is.</summary>
    public static string Normalize(string code) => IsNormalized(code) ? code : Normalize(code.AsSpan());

    /// <summary>Upper case, with spaces and hyphens turned into underscores: <c>unable to lock row</c> -> <c>UNABLE_TO_LOCK_ROW</c>.</summary>
    public static string Normalize(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        Span<char> buffer = code.Length <= 128 ? stackalloc char[code.Length] : new char[code.Length];
        var length = 0;
        var lastWasSeparator = false;
        foreach (var c in code)
        {
            var separator = c is ' ' or '-' or '_' or '\t';
            if (separator)
            {
                if (!lastWasSeparator && length > 0)
                {
                    buffer[length++] = '_';
                }
            }
            else
            {
                buffer[length++] = char.ToUpperInvariant(c);
            }

            lastWasSeparator = separator;
        }

        return new string(buffer[..length].TrimEnd('_'));
    }

    private static bool IsNormalized(string code)
    {
        if (code.Length == 0 || code[0] == '_' || code[^1] == '_')
        {
            return false;
        }

        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            if (!(char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || (c == '_' && code[i - 1] != '_')))
            {
                return false;
            }
        }

        return true;
    }
}

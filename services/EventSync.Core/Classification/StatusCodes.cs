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
        var humps = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
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
            else if (char.IsAsciiLetterUpper(c) && (i == 0 || char.IsAsciiLetterLower(text[i - 1])))
            {
                humps++;
            }
        }

        // Bulk API 1.0 writes its codes in Pascal case (InvalidSessionId, ExceededQuota): two humps or more read as a code.
        return hasUnderscore || allUpper || (humps >= 2 && text.Length <= 40);
    }

    /// <summary>Upper case, with spaces and hyphens turned into underscores; the same instance when it already is.</summary>
    public static string Normalize(string code) => IsNormalized(code) ? code : Normalize(code.AsSpan());

    /// <summary>
    /// Upper case, with spaces and hyphens turned into underscores and Pascal case split into words:
    /// <c>unable to lock row</c> and <c>UnableToLockRow</c> -> <c>UNABLE_TO_LOCK_ROW</c>; an HTTP status <c>503</c> -> <c>HTTP_503</c>.
    /// </summary>
    public static string Normalize(ReadOnlySpan<char> code)
    {
        code = code.Trim();
        if (code.Length == 3 && char.IsAsciiDigit(code[0]) && char.IsAsciiDigit(code[1]) && char.IsAsciiDigit(code[2]))
        {
            return string.Concat("HTTP_", code);
        }

        Span<char> buffer = code.Length <= 64 ? stackalloc char[code.Length * 2] : new char[code.Length * 2];
        var length = 0;
        var lastWasSeparator = false;
        for (var i = 0; i < code.Length; i++)
        {
            var c = code[i];
            var separator = c is ' ' or '-' or '_' or '\t';
            if (!separator && i > 0 && char.IsAsciiLetterUpper(c) && char.IsAsciiLetterLower(code[i - 1]) && !lastWasSeparator)
            {
                buffer[length++] = '_';
            }

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
        if (code.Length == 0 || !char.IsAsciiLetterUpper(code[0]) || code[^1] == '_')
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

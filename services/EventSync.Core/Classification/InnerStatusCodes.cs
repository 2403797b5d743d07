using System.Text.RegularExpressions;

namespace EventSync.Core.Classification;

/// <summary>
/// Status codes quoted inside a message: the error of a trigger, flow or Apex DML call that an outer error wraps
/// (<c>... first error: ENTITY_IS_DELETED, ...</c>, <c>This error occurred: STRING_TOO_LONG: ...</c>, a JSON body's
/// <c>"errorCode"</c>, a Bulk API 1.0 <c>exceptionCode</c>), and the HTTP status a client reported in words
/// (<c>Request failed with status code 429</c>, <c>401 Client Error</c>, <c>HTTP 503</c>).
/// </summary>
internal static partial class InnerStatusCodes
{
    private const int MaxCodes = 8;

    /// <summary>The codes quoted in <paramref name="message"/>, innermost (last written) first, without <paramref name="outerCode"/>.</summary>
    public static IReadOnlyList<string> Find(string message, string outerCode)
    {
        if (message.Length == 0)
        {
            return [];
        }

        List<string>? codes = null;
        foreach (Match match in QuotedCode().Matches(message))
        {
            var normalized = StatusCodes.Normalize(match.Groups["code"].ValueSpan);
            if (normalized != outerCode)
            {
                codes ??= new List<string>(2);
                codes.Remove(normalized);
                codes.Add(normalized);
            }

            if (codes?.Count >= MaxCodes)
            {
                break;
            }
        }

        if (codes is null)
        {
            return [];
        }

        codes.Reverse();
        return codes;
    }

    /// <summary>A code that is only an HTTP status (<c>HTTP_503</c>, <c>ERROR_HTTP_503</c>) as <c>HTTP_nnn</c>; empty for any other code.</summary>
    public static string HttpStatusCode(string code)
    {
        var status = code.StartsWith("ERROR_", StringComparison.Ordinal) ? code.AsSpan(6) : code.AsSpan();
        return status.Length == 8 && status.StartsWith("HTTP_", StringComparison.Ordinal)
            && char.IsAsciiDigit(status[5]) && char.IsAsciiDigit(status[6]) && char.IsAsciiDigit(status[7])
            ? status.ToString()
            : "";
    }

    /// <summary>The HTTP status a client wrote in words, as <c>HTTP_nnn</c>; empty when there is none.</summary>
    public static string HttpStatus(string message)
    {
        if (message.Length == 0 || HttpStatusInWords().Match(message) is not { Success: true } match)
        {
            return "";
        }

        var digits = match.Groups["a"].Success ? match.Groups["a"] : match.Groups["b"].Success ? match.Groups["b"] : match.Groups["c"];
        return string.Concat("HTTP_", digits.ValueSpan);
    }

    // An upper-case code of two or more words (ENTITY_IS_DELETED), or the value of a JSON or XML errorCode/exceptionCode.
    [GeneratedRegex(
        """\b(?<code>[A-Z][A-Z0-9]{1,40}(?:_[A-Z0-9]{1,40}){1,10})\b|(?:error|exception)Code['"\u201D]?\s*[:=]\s*u?['"\u201C](?<code>[A-Za-z_]{3,60})|<exceptionCode>(?<code>[A-Za-z_]{3,60})<""",
        RegexOptions.CultureInvariant)]
    private static partial Regex QuotedCode();

    [GeneratedRegex(
        """status(?: code)?:? (?<a>[1-5]\d\d)\b|\b(?<b>[45]\d\d) (?:Client|Server) Error|\bHTTP(?:/\d(?:\.\d)?)?[ _:]*\[?(?<c>[1-5]\d\d)\b|^\s*\[?(?<c>[45]\d\d)\]?\b|\((?<c>[45]\d\d)\)|(?:failed|error):? (?<c>[45]\d\d)\b""",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HttpStatusInWords();
}

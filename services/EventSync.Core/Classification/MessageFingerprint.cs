using System.Buffers;
using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace EventSync.Core.Classification;

/// <summary>
/// A short hash of an error's type, code and message with the values taken out (ids, numbers, emails,
/// links and quoted values), so that the same problem on different records groups together while
/// distinct problems stay distinct.
/// </summary>
public static class MessageFingerprint
{
    private const int MaxMessageLength = 1024;

    public static string Compute(string errorType, string code, string message)
    {
        var capacity = errorType.Length + code.Length + Math.Min(message.Length, MaxMessageLength) + 2;
        char[]? rented = null;
        var buffer = capacity <= 512 ? stackalloc char[capacity] : (rented = ArrayPool<char>.Shared.Rent(capacity));
        try
        {
            errorType.AsSpan().CopyTo(buffer);
            var length = errorType.Length;
            buffer[length++] = '|';
            code.AsSpan().CopyTo(buffer[length..]);
            length += code.Length;
            buffer[length++] = '|';
            length += NormalizeMessage(message.AsSpan(0, Math.Min(message.Length, MaxMessageLength)), buffer[length..]);
            var hash = XxHash3.HashToUInt64(MemoryMarshal.AsBytes(buffer[..length]));
            return hash.ToString("x16", System.Globalization.CultureInfo.InvariantCulture);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Writes the message with its values replaced into <paramref name="output"/>; never longer than the input.</summary>
    public static int NormalizeMessage(ReadOnlySpan<char> message, Span<char> output)
    {
        var length = 0;
        var i = 0;
        while (i < message.Length)
        {
            var c = message[i];
            if (char.IsWhiteSpace(c))
            {
                if (length > 0 && output[length - 1] != ' ')
                {
                    output[length++] = ' ';
                }

                i++;
            }
            else if (IsSeparator(c))
            {
                output[length++] = c;
                i++;
            }
            else if (IsQuote(c) && ClosingQuote(message, i) is var close and > 0)
            {
                output[length++] = '\'';
                i = close + 1;
            }
            else
            {
                // A link is one value, colons and all.
                var rest = message[i..];
                var isLink = (c | 0x20) == 'h' && (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase));
                var end = rest.IndexOfAny(isLink ? WhiteSpace : WordEnd);
                var word = end < 0 ? rest : rest[..end];
                length += WriteWord(word, isLink, output[length..]);
                i += word.Length;
            }
        }

        return length > 0 && output[length - 1] == ' ' ? length - 1 : length;
    }

    private static int WriteWord(ReadOnlySpan<char> word, bool isLink, Span<char> output)
    {
        if (isLink || word.ContainsAny(DigitsAndAt))
        {
            output[0] = '#';
            return 1;
        }

        return word.ToLowerInvariant(output);
    }

    private static int ClosingQuote(ReadOnlySpan<char> message, int open)
    {
        var startsValue = open == 0 || char.IsWhiteSpace(message[open - 1]) || IsSeparator(message[open - 1]);
        if (!startsValue)
        {
            return -1;
        }

        var limit = Math.Min(message.Length, open + 256);
        for (var i = open + 1; i < limit; i++)
        {
            if (IsQuote(message[i]) && (i + 1 == message.Length || !char.IsLetterOrDigit(message[i + 1])))
            {
                return i;
            }
        }

        return -1;
    }

    private const string Separators = ":,;=()[]{}<>";

    private static readonly SearchValues<char> WordEnd = SearchValues.Create(" \t\r\n\f\v\u00A0" + Separators);
    private static readonly SearchValues<char> WhiteSpace = SearchValues.Create(" \t\r\n\f\v\u00A0");
    private static readonly SearchValues<char> DigitsAndAt = SearchValues.Create("0123456789@");
    private static readonly SearchValues<char> SeparatorChars = SearchValues.Create(Separators);
    private static readonly SearchValues<char> QuoteChars = SearchValues.Create("\"'`\u2018\u2019\u201C\u201D\u201E\u00AB\u00BB");

    private static bool IsSeparator(char c) => SeparatorChars.Contains(c);

    private static bool IsQuote(char c) => QuoteChars.Contains(c);
}

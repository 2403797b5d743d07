using System.Buffers;
using System.Text;

namespace EventSync.Core.Classification;

/// <summary>
/// A cheap gate in front of a rule's message pattern: the literal words that any match must contain, one per top-level
/// alternative, found by a conservative reading of the pattern. When the message holds none of them (a vectorised
/// search over the lower-cased message), the pattern cannot match and is not run. A pattern whose literals cannot be told for sure gets no gate.
/// </summary>
internal static class RequiredLiterals
{
    private const int MinimumLength = 3;

    /// <summary>
    /// The gate for <paramref name="pattern"/>: its lower-case literals (one per alternative; a message must contain one of
    /// them) searched for all at once, or null when every message must be tried.
    /// </summary>
    public static SearchValues<string>? GateFor(string pattern) =>
        LowerCaseLiterals(pattern) is { } literals ? SearchValues.Create(literals, StringComparison.Ordinal) : null;

    private static string[]? LowerCaseLiterals(string pattern)
    {
        var literals = new List<string>();
        foreach (var alternative in TopLevelAlternatives(pattern))
        {
            var literal = LongestMandatoryLiteral(alternative);
            if (literal is null)
            {
                return null;
            }

            literals.Add(literal.ToLowerInvariant());
        }

        return literals.Count == 0 ? null : literals.Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The literals as written in the pattern, for tests and for people reading the rules.</summary>
    public static IReadOnlyList<string>? LiteralsFor(string pattern)
    {
        var literals = TopLevelAlternatives(pattern).Select(LongestMandatoryLiteral).ToList();
        return literals.Count == 0 || literals.Any(l => l is null) ? null : literals.Select(l => l!).ToList();
    }

    /// <summary>Whether <paramref name="lowerText"/> (already lower-case) holds one of the gate's literals: one vectorised search for all of them.</summary>
    public static bool Opens(SearchValues<string> gate, string lowerText) => lowerText.AsSpan().ContainsAny(gate);

    private static List<string> TopLevelAlternatives(string pattern)
    {
        var alternatives = new List<string>();
        var depth = 0;
        var inClass = false;
        var start = 0;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\')
            {
                i++;
            }
            else if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')')
            {
                depth--;
            }
            else if (c == '|' && depth == 0)
            {
                alternatives.Add(pattern[start..i]);
                start = i + 1;
            }
        }

        alternatives.Add(pattern[start..]);
        return alternatives;
    }

    /// <summary>The longest run of plain ASCII characters that every match of <paramref name="alternative"/> contains.</summary>
    private static string? LongestMandatoryLiteral(string alternative)
    {
        string? best = null;
        var run = new StringBuilder();
        for (var i = 0; i < alternative.Length; i++)
        {
            var c = alternative[i];
            char? literal = null;
            var step = 1;
            if (c == '\\' && i + 1 < alternative.Length && IsEscapedLiteral(alternative[i + 1]))
            {
                literal = alternative[i + 1];
                step = 2;
            }
            else if (IsPlain(c))
            {
                literal = c;
            }

            if (literal is null)
            {
                // A group, a class, an anchor, an escape such as \s or \b, or a wildcard: the run ends here, and the
                // whole construct (with any quantifier after it) is skipped.
                Keep(ref best, run);
                i = SkipConstruct(alternative, i) - 1;
                continue;
            }

            var quantifier = i + step;
            var next = quantifier < alternative.Length ? alternative[quantifier] : '\0';
            if (next is '?' or '*' || (next == '{' && alternative.AsSpan(quantifier).StartsWith("{0", StringComparison.Ordinal)))
            {
                // This character is optional: the run before it is mandatory, the character is not.
                Keep(ref best, run);
                i = SkipQuantifier(alternative, quantifier) - 1;
                continue;
            }

            run.Append(literal.Value);
            if (next is '+' or '{')
            {
                // At least once: the character is mandatory, but what follows is not next to it for sure.
                Keep(ref best, run);
                i = SkipQuantifier(alternative, quantifier) - 1;
                continue;
            }

            i += step - 1;
        }

        Keep(ref best, run);
        return best;
    }

    private static int SkipConstruct(string pattern, int i)
    {
        var c = pattern[i];
        var end = i + 1;
        if (c == '\\')
        {
            end = i + 2;
        }
        else if (c == '[')
        {
            end = pattern.IndexOf(']', i + 2) + 1;
        }
        else if (c == '(')
        {
            var depth = 0;
            for (end = i; end < pattern.Length; end++)
            {
                if (pattern[end] == '\\')
                {
                    end++;
                }
                else if (pattern[end] == '(')
                {
                    depth++;
                }
                else if (pattern[end] == ')' && --depth == 0)
                {
                    break;
                }
            }

            end++;
        }

        // A quantifier after the construct belongs to it.
        return Math.Min(Math.Max(SkipQuantifier(pattern, end), i + 1), pattern.Length);
    }

    /// <summary>The index after the quantifiers (and lazy marks) that start at <paramref name="i"/>.</summary>
    private static int SkipQuantifier(string pattern, int i)
    {
        while (i < pattern.Length && pattern[i] is '?' or '*' or '+' or '{')
        {
            if (pattern[i] == '{')
            {
                var close = pattern.IndexOf('}', i);
                if (close < 0)
                {
                    return pattern.Length;
                }

                i = close + 1;
            }
            else
            {
                i++;
            }
        }

        return i;
    }

    private static void Keep(ref string? best, StringBuilder run)
    {
        if (run.Length >= MinimumLength && (best is null || run.Length > best.Length))
        {
            best = run.ToString();
        }

        run.Clear();
    }

    // ASCII, or a letter without case (Japanese, say): lower-casing the message cannot make such a character disagree
    // with how the pattern ignores case.
    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || (char.IsLetter(c) && char.ToLowerInvariant(c) == char.ToUpperInvariant(c)) || c is ' ' or '_' or '-' or ',' or ':' or ';' or '\'' or '"' or '/' or '=' or '@' or '!' or '<' or '>' or '%' or '#' or '&' or '~' or '`';

    private static bool IsEscapedLiteral(char c) => c is '.' or '-' or '(' or ')' or '[' or ']' or '{' or '}' or '"' or '\'' or '/' or '\\' or '*' or '+' or '?' or '|' or '$' or '^' or ' ';
}

using System.Text;

namespace EventSync.Api.Export;

/// <summary>
/// Makes a text cell safe to open in a spreadsheet: no cell, and no part of one that a spreadsheet could split off,
/// may start a formula. A spreadsheet splits at <c>,</c> or, where that is the list separator (Polish, German Excel),
/// at <c>;</c>, and may ignore quotes that do not open a field; so each part after a <c>;</c> or a line break counts
/// as a cell start too. A part that starts with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (after blanks, tabs, line
/// breaks and quotes) or with a tab or carriage return gets a leading <c>'</c>, which spreadsheets show as text.
/// </summary>
internal static class SpreadsheetCell
{
    private const string FormulaStarts = "=+-@";

    public static string Neutralise(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var result = new StringBuilder(value.Length + 2);
        var partStart = 0;
        for (var i = 0; i <= value.Length; i++)
        {
            if (i == value.Length || value[i] is ';' or '\n' or '\r')
            {
                var part = value.AsSpan(partStart, i - partStart);
                if (StartsFormula(part))
                {
                    result.Append('\'');
                }

                result.Append(part);
                if (i < value.Length)
                {
                    result.Append(value[i]);
                }

                partStart = i + 1;
            }
        }

        return result.ToString();
    }

    /// <summary>Whether the cell holds a <c>;</c>: quoted then, so that a reader splitting at <c>;</c> keeps it whole.</summary>
    public static bool HoldsListSeparator(string value) => value.Contains(';', StringComparison.Ordinal);

    private static bool StartsFormula(ReadOnlySpan<char> part)
    {
        if (part.Length > 0 && part[0] is '\t' or '\r')
        {
            return true;
        }

        var first = part.IndexOfAnyExcept(" \t\r\n\"");
        return first >= 0 && FormulaStarts.Contains(part[first], StringComparison.Ordinal);
    }
}

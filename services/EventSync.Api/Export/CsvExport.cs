using System.Globalization;
using CsvHelper;

namespace EventSync.Api.Export;

/// <summary>
/// What the CSV exports share: rows written while they are read and handed on every few hundred rows (memory stays
/// constant at any size), text cells made safe for spreadsheets, instants in UTC.
/// </summary>
internal static class CsvExport
{
    // SpreadsheetCell neutralises every cell (also after a ';' or a line break, which CsvInjection does not look at).
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.None };

    public static async Task WriteAsync<T>(
        Stream destination, string[] header, IAsyncEnumerable<T> rows, Action<CsvWriter, T> writeRow, int flushEveryRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(writeRow);
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(header);
        await csv.FlushAsync(cancellationToken);
        var written = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            writeRow(csv, row);
            await csv.EndRecordAsync(cancellationToken);
            if (++written % flushEveryRows == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    /// <summary>A text cell through <see cref="SpreadsheetCell"/>, quoted when it holds a <c>;</c>.</summary>
    public static void WriteText(CsvWriter csv, string value)
    {
        ArgumentNullException.ThrowIfNull(csv);
        var cell = SpreadsheetCell.Neutralise(value);
        csv.WriteField(cell, SpreadsheetCell.HoldsListSeparator(cell) ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
    }

    public static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

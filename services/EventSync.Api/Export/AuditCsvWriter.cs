using CsvHelper;
using EventSync.Core.Audit;

namespace EventSync.Api.Export;

/// <summary>
/// Writes audit entries as RFC 4180 CSV while they are read (<see cref="CsvExport"/>), one row per entry: the JSON values
/// as their JSON text. Every text cell goes through <see cref="SpreadsheetCell"/>, as in the error export.
/// </summary>
internal static class AuditCsvWriter
{
    public static readonly string[] Header = ["at", "principal", "action", "subject", "before", "after", "id"];

    public static Task WriteAsync(Stream destination, IAsyncEnumerable<AuditEntry> entries, int flushEveryRows, CancellationToken cancellationToken) =>
        CsvExport.WriteAsync(destination, Header, entries, WriteRow, flushEveryRows, cancellationToken);

    private static void WriteRow(CsvWriter csv, AuditEntry entry)
    {
        csv.WriteField(CsvExport.Instant(entry.At));
        CsvExport.WriteText(csv, entry.Principal);
        CsvExport.WriteText(csv, entry.Action);
        CsvExport.WriteText(csv, AuditJson.ToText(entry.Subject) ?? "");
        CsvExport.WriteText(csv, AuditJson.ToText(entry.Before) ?? "");
        CsvExport.WriteText(csv, AuditJson.ToText(entry.After) ?? "");
        CsvExport.WriteText(csv, entry.Id);
    }
}

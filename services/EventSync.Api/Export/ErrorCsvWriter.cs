using System.Globalization;
using CsvHelper;
using EventSync.Core.Catalog;
using EventSync.Core.Errors;
using EventSync.Core.Links;

namespace EventSync.Api.Export;

/// <summary>
/// Writes errors as RFC 4180 CSV while they are read (<see cref="CsvExport"/>): one row per error. Every text cell goes
/// through <see cref="SpreadsheetCell"/>, so that it opens as text whether the spreadsheet splits at <c>,</c> or at <c>;</c>.
/// </summary>
internal static class ErrorCsvWriter
{
    public static readonly string[] Header =
        ["category", "errorType", "title", "objectType", "hubSpotId", "salesforceId", "fields", "statusCode", "message", "firstSeen", "lastSeen", "occurrences", "state", "fingerprint",
            "direction", "hubSpotLink", "salesforceLink"];

    public static Task WriteAsync(
        Stream destination, IAsyncEnumerable<SyncError> errors, string language, RecordLinkSettings linkSettings, int flushEveryRows, CancellationToken cancellationToken) =>
        CsvExport.WriteAsync(destination, Header, errors, (csv, error) => WriteRow(csv, error, language, linkSettings), flushEveryRows, cancellationToken);

    private static void WriteRow(CsvWriter csv, SyncError error, string language, RecordLinkSettings linkSettings)
    {
        var title = ErrorCatalog.Default.TryGet(error.ErrorType, out var info) ? info.Title.In(language) : error.ErrorType;
        CsvExport.WriteText(csv, error.Category);
        CsvExport.WriteText(csv, error.ErrorType);
        CsvExport.WriteText(csv, title);
        CsvExport.WriteText(csv, error.ObjectType);
        CsvExport.WriteText(csv, error.HubSpotId ?? "");
        CsvExport.WriteText(csv, error.SalesforceId ?? "");
        CsvExport.WriteText(csv, string.Join(';', error.Fields));
        CsvExport.WriteText(csv, error.StatusCode ?? "");
        CsvExport.WriteText(csv, error.Message ?? "");
        csv.WriteField(CsvExport.Instant(error.FirstSeen));
        csv.WriteField(CsvExport.Instant(error.LastSeen));
        csv.WriteField(error.Occurrences.ToString(CultureInfo.InvariantCulture));
        CsvExport.WriteText(csv, error.State.ToWire());
        CsvExport.WriteText(csv, error.Fingerprint);
        CsvExport.WriteText(csv, error.Direction ?? "");
        var links = RecordLinks.Of(linkSettings, error.ObjectType, error.HubSpotId, error.SalesforceId);
        CsvExport.WriteText(csv, links.HubSpot ?? "");
        CsvExport.WriteText(csv, links.Salesforce ?? "");
    }
}

using System.Globalization;
using CsvHelper;
using EventSync.Core.Catalog;
using EventSync.Core.Links;
using EventSync.Core.Storage;

namespace EventSync.Api.Export;

/// <summary>
/// Writes errors as RFC 4180 CSV while they are read: one row per error, handed on every few hundred rows, so memory
/// stays constant at any size. Every text cell goes through <see cref="SpreadsheetCell"/>, so that it opens as text
/// whether the spreadsheet splits at <c>,</c> or at <c>;</c>.
/// </summary>
internal static class ErrorCsvWriter
{
    public static readonly string[] Header =
        ["category", "errorType", "title", "objectType", "hubSpotId", "salesforceId", "fields", "statusCode", "message", "firstSeen", "lastSeen", "occurrences", "state", "fingerprint",
            "direction", "hubSpotLink", "salesforceLink"];

    // SpreadsheetCell neutralises every cell (also after a ';' or a line break, which CsvInjection does not look at).
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.None };

    public static async Task WriteAsync(
        Stream destination, IAsyncEnumerable<SyncError> errors, string language, RecordLinkSettings linkSettings, int flushEveryRows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        await csv.FlushAsync(cancellationToken);
        var rows = 0;
        await foreach (var error in errors.WithCancellation(cancellationToken))
        {
            var title = ErrorCatalog.Default.TryGet(error.ErrorType, out var info) ? info.Title.In(language) : error.ErrorType;
            WriteText(csv, error.Category);
            WriteText(csv, error.ErrorType);
            WriteText(csv, title);
            WriteText(csv, error.ObjectType);
            WriteText(csv, error.HubSpotId ?? "");
            WriteText(csv, error.SalesforceId ?? "");
            WriteText(csv, string.Join(';', error.Fields));
            WriteText(csv, error.StatusCode ?? "");
            WriteText(csv, error.Message ?? "");
            csv.WriteField(Instant(error.FirstSeen));
            csv.WriteField(Instant(error.LastSeen));
            csv.WriteField(error.Occurrences.ToString(CultureInfo.InvariantCulture));
            WriteText(csv, error.State.ToWire());
            WriteText(csv, error.Fingerprint);
            WriteText(csv, error.Direction ?? "");
            var links = RecordLinks.Of(linkSettings, error.ObjectType, error.HubSpotId, error.SalesforceId);
            WriteText(csv, links.HubSpot ?? "");
            WriteText(csv, links.Salesforce ?? "");
            await csv.EndRecordAsync(cancellationToken);
            if (++rows % flushEveryRows == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static void WriteText(CsvWriter csv, string value)
    {
        var cell = SpreadsheetCell.Neutralise(value);
        csv.WriteField(cell, SpreadsheetCell.HoldsListSeparator(cell) ? CsvQuoting.Always : CsvQuoting.WhenNeeded);
    }

    private static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

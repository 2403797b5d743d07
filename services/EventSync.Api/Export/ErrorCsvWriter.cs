using System.Globalization;
using CsvHelper;
using EventSync.Core.Catalog;
using EventSync.Core.Storage;

namespace EventSync.Api.Export;

/// <summary>
/// Writes errors as RFC 4180 CSV while they are read: one row per error, handed on every few hundred rows, so memory
/// stays constant at any size. Text cells that a spreadsheet would run as a formula get a leading <c>'</c>.
/// </summary>
internal static class ErrorCsvWriter
{
    public static readonly string[] Header =
        ["category", "errorType", "title", "objectType", "hubSpotId", "salesforceId", "fields", "statusCode", "message", "firstSeen", "lastSeen", "occurrences", "state", "fingerprint"];

    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Injection = CsvInjection.Escape };

    public static async Task WriteAsync(Stream destination, IAsyncEnumerable<SyncError> errors, string language, int flushEveryRows, CancellationToken cancellationToken)
    {
        await using var csv = CsvWriter.Create(destination, Options, leaveOpen: true);
        csv.WriteHeader(Header);
        await csv.FlushAsync(cancellationToken);
        var rows = 0;
        await foreach (var error in errors.WithCancellation(cancellationToken))
        {
            var title = ErrorCatalog.Default.TryGet(error.ErrorType, out var info) ? info.Title.In(language) : error.ErrorType;
            csv.WriteField(error.Category);
            csv.WriteField(error.ErrorType);
            csv.WriteField(title);
            csv.WriteField(error.ObjectType);
            csv.WriteField(error.HubSpotId ?? "");
            csv.WriteField(error.SalesforceId ?? "");
            csv.WriteField(string.Join(';', error.Fields));
            csv.WriteField(error.StatusCode ?? "");
            csv.WriteField(error.Message ?? "");
            csv.WriteField(Instant(error.FirstSeen));
            csv.WriteField(Instant(error.LastSeen));
            csv.WriteField(error.Occurrences.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(error.State.ToWire());
            csv.WriteField(error.Fingerprint);
            await csv.EndRecordAsync(cancellationToken);
            if (++rows % flushEveryRows == 0)
            {
                await csv.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync(cancellationToken);
    }

    private static string Instant(DateTimeOffset instant) => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using CsvHelper;
using EventSync.Contracts;

namespace EventSync.Cli.BulkResults;

/// <summary>
/// Reads a Bulk API 2.0 failed-results CSV and writes one <see cref="SyncFailureReported"/> per row. Event ids
/// are derived from the tenant, object and row, so importing the same file twice yields the same events
/// (which EventSync counts once).
/// </summary>
internal sealed class BulkResultsImporter(BulkResultsImportOptions options)
{
    public const string IdColumn = "sf__Id";
    public const string ErrorColumn = "sf__Error";

    public async Task<BulkImportSummary> RunAsync(TextReader input, TextWriter output, TextWriter errors, CancellationToken cancellationToken)
    {
        var malformedLines = new List<long>();
        var readerOptions = CsvReaderOptions.Default with
        {
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = record => malformedLines.Add(record.LineNumber),
        };
        await using var csv = CsvReader.Create(input, readerOptions, leaveOpen: true);

        var headers = csv.Headers;
        if (FileProblem(headers) is { } fileProblem)
        {
            await errors.WriteLineAsync($"line 1: {fileProblem}");
            return new BulkImportSummary(0, 0, fileProblem);
        }

        var hubSpotIdIndex = options.HubSpotIdColumn is null ? -1 : IndexOf(headers, options.HubSpotIdColumn);
        var imported = 0;
        var rejected = 0;
        while (await csv.ReadAsync(cancellationToken))
        {
            var line = csv.LineNumber;
            string? problem = csv.FieldCount != headers.Count
                ? $"expected {headers.Count} columns as in the header, found {csv.FieldCount}."
                : string.IsNullOrWhiteSpace(csv.GetString(ErrorColumn)) ? $"the {ErrorColumn} cell is empty." : null;
            if (problem is not null)
            {
                await errors.WriteLineAsync($"line {line}: {problem}");
                rejected++;
                continue;
            }

            var failure = ToFailure(csv, hubSpotIdIndex);
            await output.WriteLineAsync(JsonSerializer.Serialize(failure, ContractJson.Options));
            imported++;
        }

        foreach (var line in malformedLines)
        {
            await errors.WriteLineAsync($"line {line}: malformed quoting; the row was not imported.");
            rejected++;
        }

        await output.FlushAsync(cancellationToken);
        return new BulkImportSummary(imported, rejected, null);
    }

    private static string? FileProblem(IReadOnlyList<string> headers)
    {
        if (IndexOf(headers, IdColumn) < 0 || IndexOf(headers, ErrorColumn) < 0)
        {
            return $"the header must hold the columns {IdColumn} and {ErrorColumn} (found: {string.Join(", ", headers)}).";
        }

        return null;
    }

    private SyncFailureReported ToFailure(CsvReader csv, int hubSpotIdIndex)
    {
        var salesforceId = csv.GetString(IdColumn);
        var hubSpotId = hubSpotIdIndex >= 0 ? csv.GetString(hubSpotIdIndex) : null;
        return new SyncFailureReported
        {
            EventId = EventIdFor(csv.RawRecord),
            TenantId = options.TenantId,
            EngineId = options.EngineId,
            Source = "salesforce",
            Direction = "toSalesforce",
            ObjectType = options.ObjectType,
            SalesforceId = string.IsNullOrWhiteSpace(salesforceId) ? null : salesforceId,
            HubSpotId = string.IsNullOrWhiteSpace(hubSpotId) ? null : hubSpotId,
            Errors = [new ReportedError { Raw = csv.GetString(ErrorColumn) }],
            OccurredAt = options.OccurredAt,
        };
    }

    private string EventIdFor(ReadOnlySpan<byte> rawRecord)
    {
        var hash = new XxHash128();
        hash.Append(Encoding.UTF8.GetBytes($"{options.TenantId}\n{options.ObjectType}\n"));
        hash.Append(rawRecord);
        return new Guid(hash.GetCurrentHash()).ToString();
    }

    private static int IndexOf(IReadOnlyList<string> headers, string name)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }
}

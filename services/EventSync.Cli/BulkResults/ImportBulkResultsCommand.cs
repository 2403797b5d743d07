using System.CommandLine;

namespace EventSync.Cli.BulkResults;

internal static class ImportBulkResultsCommand
{
    public static Command Create(TextWriter output, TextWriter errors)
    {
        var file = new Argument<string>("FILE.csv")
        {
            Description = "A Bulk API 2.0 failed-results CSV: sf__Id, sf__Error, then the record's columns.",
        };
        var tenant = new Option<string>("--tenant", "-t")
        {
            Description = "The tenant (HubSpot account) the records belong to.",
            Required = true,
        };
        var objectType = new Option<string>("--object", "-o")
        {
            Description = "The object type of the records: contact, lead, account, opportunity, ...",
            Required = true,
        };
        var engine = new Option<string?>("--engine")
        {
            Description = "The sync engine to ask for resyncs of these records.",
        };
        var hubSpotIdColumn = new Option<string?>("--hubspot-id-column")
        {
            Description = "The column that holds each record's HubSpot id, if the file has one.",
        };

        var command = new Command("import-bulk-results", "Turn a Bulk API 2.0 failed-results CSV into SyncFailureReported JSON Lines on standard output. Bad rows are reported on stderr with their line number; the exit code is then 1.")
        {
            file, tenant, objectType, engine, hubSpotIdColumn,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(file)!;
            if (InputFiles.Problem(path) is { } problem)
            {
                await errors.WriteLineAsync(problem);
                return 2;
            }

            var options = new BulkResultsImportOptions(
                parseResult.GetValue(tenant)!,
                parseResult.GetValue(objectType)!,
                parseResult.GetValue(engine),
                parseResult.GetValue(hubSpotIdColumn),
                DateTimeOffset.UtcNow);
            using var reader = new StreamReader(path);
            var summary = await new BulkResultsImporter(options).RunAsync(reader, output, errors, cancellationToken);
            return summary.Rejected == 0 && summary.FileProblem is null ? 0 : 1;
        });
        return command;
    }
}

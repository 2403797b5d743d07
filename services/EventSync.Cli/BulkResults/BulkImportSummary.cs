namespace EventSync.Cli.BulkResults;

internal readonly record struct BulkImportSummary(int Imported, int Rejected, string? FileProblem);

namespace EventSync.Cli.BulkResults;

internal sealed record BulkResultsImportOptions(
    string TenantId,
    string ObjectType,
    string? EngineId,
    string? HubSpotIdColumn,
    DateTimeOffset OccurredAt);

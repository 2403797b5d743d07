namespace EventSync.Api.Endpoints;

internal sealed record AffectedRecordView(string ObjectType, string? HubSpotId, string? SalesforceId, IReadOnlyList<string> ErrorTypes, RecordLinksView Links);

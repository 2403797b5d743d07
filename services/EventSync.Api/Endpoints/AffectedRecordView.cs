using EventSync.Core.Links;

namespace EventSync.Api.Endpoints;

internal sealed record AffectedRecordView(string ObjectType, string? HubSpotId, string? SalesforceId, IReadOnlyList<string> ErrorTypes, RecordLinks Links);

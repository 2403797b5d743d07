namespace EventSync.Core.Errors;

/// <summary>One record (see <see cref="SyncErrorKeys.RecordKey"/>) with current errors, and the distinct error types on it.</summary>
public sealed record AffectedRecord(string ObjectType, string? HubSpotId, string? SalesforceId, IReadOnlyList<string> ErrorTypes);

namespace EventSync.Core.Errors;

/// <summary>A record that synced: its current errors that were last seen before <see cref="SyncedAt"/> are resolved.</summary>
public sealed record RecordResolution(string TenantId, string ObjectType, string? HubSpotId, string? SalesforceId, DateTimeOffset SyncedAt);

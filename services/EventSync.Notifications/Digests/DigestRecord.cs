namespace EventSync.Notifications.Digests;

/// <summary>One of the records with the most current errors.</summary>
internal sealed record DigestRecord(string ObjectType, string? HubSpotId, string? SalesforceId, long CurrentErrors, IReadOnlyList<string> ErrorTitles)
{
    public string Name => $"{ObjectType} {string.Join(" / ", new[] { HubSpotId is null ? null : $"HubSpot {HubSpotId}", SalesforceId is null ? null : $"Salesforce {SalesforceId}" }.OfType<string>())}".Trim();
}

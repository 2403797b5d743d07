namespace EventSync.Notifications.Texts;

/// <summary>How an email names a record: its object type and its ids (<c>contact HubSpot 12345 / Salesforce 003...</c>).</summary>
internal static class RecordNames
{
    public static string Of(string objectType, string? hubSpotId, string? salesforceId) =>
        $"{objectType} {string.Join(" / ", new[] { hubSpotId is null ? null : $"HubSpot {hubSpotId}", salesforceId is null ? null : $"Salesforce {salesforceId}" }.OfType<string>())}".Trim();
}

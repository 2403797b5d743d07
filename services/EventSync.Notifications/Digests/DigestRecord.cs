using EventSync.Notifications.Texts;

namespace EventSync.Notifications.Digests;

/// <summary>One of the records with the most current errors.</summary>
internal sealed record DigestRecord(string ObjectType, string? HubSpotId, string? SalesforceId, long CurrentErrors, IReadOnlyList<string> ErrorTitles)
{
    public string Name => RecordNames.Of(ObjectType, HubSpotId, SalesforceId);
}

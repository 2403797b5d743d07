using EventSync.Core.Links;

namespace EventSync.Api.Endpoints;

/// <summary>A record's addresses in HubSpot and in Salesforce; null where its id or the tenant's link setting is missing.</summary>
internal sealed record RecordLinksView(string? HubSpot, string? Salesforce)
{
    public static RecordLinksView For(RecordLinkSettings settings, string objectType, string? hubSpotId, string? salesforceId)
    {
        var links = RecordLinks.Of(settings, objectType, hubSpotId, salesforceId);
        return new RecordLinksView(links.HubSpot, links.Salesforce);
    }
}

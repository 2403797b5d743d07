namespace EventSync.Core.Links;

/// <summary>
/// Where a tenant's records live, so that every record id can link to its record: the HubSpot account (portal) id, the
/// HubSpot app's address (<see cref="DefaultHubSpotAppUrl"/>, or an EU data centre's), and the Salesforce org's address.
/// A record links only to the systems whose settings are given.
/// </summary>
public sealed record RecordLinkSettings(string TenantId, string? HubSpotPortalId, string? HubSpotAppUrl, string? SalesforceInstanceUrl)
{
    public const string DefaultHubSpotAppUrl = "https://app.hubspot.com";

    /// <summary>Nothing set: no record links anywhere.</summary>
    public static RecordLinkSettings None(string tenantId) => new(tenantId, null, null, null);
}

namespace EventSync.Api.Endpoints;

/// <summary>
/// Where the tenant's records live, for links to them: the HubSpot account id, the HubSpot app's address (null: the
/// default, https://app.hubspot.com) and the Salesforce org's address. Null fields give no links to that system.
/// </summary>
internal sealed record RecordLinkSettingsView(string? HubSpotPortalId, string? HubSpotAppUrl, string? SalesforceInstanceUrl);

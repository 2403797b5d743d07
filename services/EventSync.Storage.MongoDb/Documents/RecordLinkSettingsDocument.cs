using EventSync.Core.Links;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>One per tenant in <c>record_link_settings</c>, keyed by the tenant id.</summary>
internal sealed class RecordLinkSettingsDocument
{
    public string TenantId { get; set; } = "";

    public string? HubSpotPortalId { get; set; }

    public string? HubSpotAppUrl { get; set; }

    public string? SalesforceInstanceUrl { get; set; }

    public static RecordLinkSettingsDocument From(RecordLinkSettings settings) => new()
    {
        TenantId = settings.TenantId,
        HubSpotPortalId = settings.HubSpotPortalId,
        HubSpotAppUrl = settings.HubSpotAppUrl,
        SalesforceInstanceUrl = settings.SalesforceInstanceUrl,
    };

    public RecordLinkSettings ToSettings() => new(TenantId, HubSpotPortalId, HubSpotAppUrl, SalesforceInstanceUrl);
}

namespace EventSync.Core.Links;

/// <summary>The addresses of one record in HubSpot and in Salesforce; null where an id or the tenant's setting is missing.</summary>
public sealed record RecordLinks(string? HubSpot, string? Salesforce)
{
    // HubSpot's object type ids of the standard objects, as its record pages name them (/record/{objectTypeId}/{id}).
    private static readonly Dictionary<string, string> HubSpotObjectTypeIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["contact"] = "0-1",
        ["company"] = "0-2",
        ["deal"] = "0-3",
        ["ticket"] = "0-5",
        ["product"] = "0-7",
        ["line_item"] = "0-8",
        ["quote"] = "0-14",
    };

    public static RecordLinks Of(RecordLinkSettings settings, string objectType, string? hubSpotId, string? salesforceId)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var hubSpot = settings.HubSpotPortalId is { } portal && !string.IsNullOrWhiteSpace(hubSpotId) && HubSpotObjectTypeIds.TryGetValue(objectType ?? "", out var typeId)
            ? $"{(settings.HubSpotAppUrl ?? RecordLinkSettings.DefaultHubSpotAppUrl).TrimEnd('/')}/contacts/{Uri.EscapeDataString(portal)}/record/{typeId}/{Uri.EscapeDataString(hubSpotId.Trim())}"
            : null;
        // Salesforce opens any record from its id at the org's address, whatever its object.
        var salesforce = settings.SalesforceInstanceUrl is { } instance && !string.IsNullOrWhiteSpace(salesforceId)
            ? $"{instance.TrimEnd('/')}/{Uri.EscapeDataString(salesforceId.Trim())}"
            : null;
        return new RecordLinks(hubSpot, salesforce);
    }
}

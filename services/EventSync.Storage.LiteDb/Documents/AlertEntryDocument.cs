namespace EventSync.Storage.LiteDb.Documents;

// One AlertEntry inside an AlertWindowDocument.
internal sealed class AlertEntryDocument
{
    public string ErrorId { get; set; } = "";

    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    public string? ObjectType { get; set; }

    public string? HubSpotId { get; set; }

    public string? SalesforceId { get; set; }

    public string Reason { get; set; } = "";

    public long AtUtcTicks { get; set; }
}

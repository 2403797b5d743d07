using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The output of the affected-records aggregation: <c>_id</c> is the record key.</summary>
internal sealed class AffectedRecordDocument
{
    public string Id { get; set; } = "";

    public string ObjectType { get; set; } = "";

    public string? HubSpotId { get; set; }

    public string? SalesforceId { get; set; }

    public string[] ErrorTypes { get; set; } = [];

    // $addToSet keeps no order: the types are sorted here, a handful per record.
    public AffectedRecord ToAffectedRecord() => new(ObjectType, HubSpotId, SalesforceId, [.. ErrorTypes.Order(StringComparer.Ordinal)]);
}

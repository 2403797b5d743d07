namespace EventSync.Storage.MongoDb.Documents;

/// <summary>
/// How many counted errors of one card a record has, in <c>error_card_records</c>: <c>_id</c> = tenant + category + error
/// type + record key. Deleted when the count reaches zero, so that its 0 -> 1 and 1 -> 0 steps move the card's records.
/// </summary>
internal sealed class ErrorCardRecordDocument
{
    public string Id { get; set; } = "";

    public string TenantId { get; set; } = "";

    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    public long Count { get; set; }
}

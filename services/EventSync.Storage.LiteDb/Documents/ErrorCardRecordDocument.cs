namespace EventSync.Storage.LiteDb.Documents;

// How many counted errors of one card a record has: _id = tenant + category + error type + record key. Exists only while
// the count is above zero, so that its 0 -> 1 and 1 -> 0 steps raise and lower the card's record count.
internal sealed class ErrorCardRecordDocument
{
    public string Id { get; set; } = "";

    public long Count { get; set; }
}

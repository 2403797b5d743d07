namespace EventSync.Storage.MongoDb.Documents;

/// <summary>
/// The sample of an unknown-error group. Its fields are in this order on purpose: <c>$max</c> compares documents field
/// by field, so the maximum is the error seen last.
/// </summary>
internal sealed class UnknownErrorSampleDocument
{
    public DateTimeOffset LastSeen { get; set; }

    public string? StatusCode { get; set; }

    public string? Message { get; set; }
}

using EventSync.Core.Errors;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The output of the unknown-groups aggregation: <c>_id</c> is the fingerprint, <see cref="Last"/> the error seen last.</summary>
internal sealed class UnknownErrorGroupDocument
{
    public string Id { get; set; } = "";

    public long CurrentErrors { get; set; }

    public long AffectedRecords { get; set; }

    public UnknownErrorSampleDocument Last { get; set; } = new();

    public UnknownErrorGroup ToGroup() => new(Id, CurrentErrors, AffectedRecords, Last.StatusCode, Last.Message, Last.LastSeen);
}

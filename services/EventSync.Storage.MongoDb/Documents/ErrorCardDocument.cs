using EventSync.Core.Storage;

namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The output of the error-card aggregation.</summary>
internal sealed class ErrorCardDocument
{
    public string Category { get; set; } = "";

    public string ErrorType { get; set; } = "";

    public long CurrentErrors { get; set; }

    public long AffectedRecords { get; set; }

    public ErrorCard ToErrorCard() => new(Category, ErrorType, CurrentErrors, AffectedRecords);
}

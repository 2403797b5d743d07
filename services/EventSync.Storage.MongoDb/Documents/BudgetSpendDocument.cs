namespace EventSync.Storage.MongoDb.Documents;

/// <summary>The calls spent within one minute (<see cref="Minute"/> = the minute's start).</summary>
internal sealed class BudgetSpendDocument
{
    public DateTimeOffset Minute { get; set; }

    public long Calls { get; set; }
}

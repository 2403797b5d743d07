namespace EventSync.Storage.MongoDb.Documents;

/// <summary>A tenant's own resync spends in <c>resync_budgets</c>, <c>_id</c> = tenant id; <see cref="Version"/> guards every write.</summary>
internal sealed class BudgetDocument
{
    public string Id { get; set; } = "";

    public BudgetSpendDocument[] Spends { get; set; } = [];

    public long Version { get; set; }
}

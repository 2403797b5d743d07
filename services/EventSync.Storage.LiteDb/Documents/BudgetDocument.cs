using LiteDB;

namespace EventSync.Storage.LiteDb.Documents;

// A tenant's own resync spends in minute buckets (minute start as UTC ticks -> calls).
internal sealed class BudgetDocument
{
    [BsonId]
    public string TenantId { get; set; } = "";

    public List<long> MinuteUtcTicks { get; set; } = [];

    public List<long> Calls { get; set; } = [];
}

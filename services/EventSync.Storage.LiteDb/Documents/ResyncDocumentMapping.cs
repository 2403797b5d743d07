using System.Globalization;
using System.Text.Json;
using EventSync.Contracts;
using EventSync.Core.Resync;

namespace EventSync.Storage.LiteDb.Documents;

// Resync requests and budgets to LiteDB documents and back.
internal static class ResyncDocumentMapping
{
    public static ResyncRequestDocument ToDocument(ResyncRequestRecord request) => new()
    {
        Id = request.RequestId,
        TenantId = request.TenantId,
        RequestJson = JsonSerializer.Serialize(request, ContractJson.Options),
        WaitingKey = request.IsWaiting ? WaitingKey(request.TenantId, request.NotBefore, request.RequestId) : null,
        SentRecordKeys = [.. request.Parts
            .Where(p => p.State == ResyncPartState.Sent)
            .SelectMany(p => new[] { p.HubSpotId, p.SalesforceId }.OfType<string>().Select(id => SyncErrorDocumentMapping.RecordIdKey(request.TenantId, p.ObjectType, id)))
            .Distinct(StringComparer.Ordinal)],
        SentErrorKeys = [.. request.Parts
            .Where(p => p.State == ResyncPartState.Sent)
            .SelectMany(p => p.ErrorIds)
            .Select(id => ErrorKey(request.TenantId, id))
            .Distinct(StringComparer.Ordinal)],
    };

    public static ResyncRequestRecord ToRecord(ResyncRequestDocument document) =>
        JsonSerializer.Deserialize<ResyncRequestRecord>(document.RequestJson, ContractJson.Options)
        ?? throw new InvalidOperationException($"Resync request {document.Id} is stored empty.");

    public static string WaitingKeyPrefix(string tenantId) => tenantId + '\u001f';

    public static string ErrorKey(string tenantId, string errorId) => tenantId + '\u001f' + errorId;

    public static IReadOnlyList<BudgetSpend> ToSpends(BudgetDocument? document) =>
        document is null
            ? []
            : [.. document.MinuteUtcTicks.Zip(document.Calls, (minute, calls) => new BudgetSpend(SyncErrorDocumentMapping.FromTicks(minute), calls))];

    public static BudgetDocument ToDocument(string tenantId, IReadOnlyList<BudgetSpend> spends) => new()
    {
        TenantId = tenantId,
        MinuteUtcTicks = [.. spends.Select(s => s.Minute.UtcTicks)],
        Calls = [.. spends.Select(s => s.Calls)],
    };

    // Fixed width, so that a tenant's waiting requests sort by not-before, then by id.
    private static string WaitingKey(string tenantId, DateTimeOffset notBefore, string requestId) =>
        WaitingKeyPrefix(tenantId) + notBefore.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + '\u001f' + requestId;
}

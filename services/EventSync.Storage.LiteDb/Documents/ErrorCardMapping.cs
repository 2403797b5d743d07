using EventSync.Core.Storage;

namespace EventSync.Storage.LiteDb.Documents;

// The keys of the card counters: a tenant's cards are one _id range.
internal static class ErrorCardMapping
{
    public static string TenantPrefix(string tenantId) => SyncErrorDocumentMapping.Key(tenantId, "");

    public static string CountId(string tenantId, string category, string errorType) => SyncErrorDocumentMapping.Key(tenantId, category, errorType);

    public static string CountId(ErrorCardDelta delta) => CountId(delta.TenantId, delta.Category, delta.ErrorType);

    public static string RecordId(ErrorCardDelta delta) => SyncErrorDocumentMapping.Key(delta.TenantId, delta.Category, delta.ErrorType, delta.RecordKey);

    public static ErrorCard ToCard(ErrorCardCountDocument document) => new(document.Category, document.ErrorType, document.Errors, document.Records);
}

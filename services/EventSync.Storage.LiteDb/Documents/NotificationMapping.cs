using EventSync.Contracts;
using EventSync.Core.Storage;

namespace EventSync.Storage.LiteDb.Documents;

// Digest claims and alert windows to LiteDB documents and back.
internal static class NotificationMapping
{
    private const char KeySeparator = '\u001f';

    public static string ClaimId(string tenantId, DigestFrequency frequency, DateTimeOffset periodStart) =>
        string.Join(KeySeparator, tenantId, frequency.ToString(), periodStart.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static DigestClaimDocument ToDocument(DigestClaim claim) => new()
    {
        Id = ClaimId(claim.TenantId, claim.Frequency, claim.PeriodStart),
        TenantId = claim.TenantId,
        Frequency = claim.Frequency,
        PeriodStartUtcTicks = claim.PeriodStart.UtcTicks,
        PeriodEndUtcTicks = claim.PeriodEnd.UtcTicks,
        Token = claim.Token,
        LeaseUntilUtcTicks = claim.LeaseUntil.UtcTicks,
        SentAtUtcTicks = claim.SentAt?.UtcTicks,
        Skipped = claim.Skipped,
    };

    public static DigestClaim ToClaim(DigestClaimDocument document) =>
        new(
            document.TenantId,
            document.Frequency,
            SyncErrorDocumentMapping.FromTicks(document.PeriodStartUtcTicks),
            SyncErrorDocumentMapping.FromTicks(document.PeriodEndUtcTicks),
            document.Token,
            SyncErrorDocumentMapping.FromTicks(document.LeaseUntilUtcTicks))
        {
            SentAt = SyncErrorDocumentMapping.ToInstant(document.SentAtUtcTicks),
            Skipped = document.Skipped,
        };

    public static AlertEntryDocument ToDocument(AlertEntry entry) => new()
    {
        ErrorId = entry.ErrorId,
        Category = entry.Category,
        ErrorType = entry.ErrorType,
        ObjectType = entry.ObjectType,
        HubSpotId = entry.HubSpotId,
        SalesforceId = entry.SalesforceId,
        Reason = entry.Reason,
        AtUtcTicks = entry.At.UtcTicks,
    };

    public static AlertWindow ToWindow(AlertWindowDocument document) =>
        new(
            document.Id,
            document.TenantId,
            SyncErrorDocumentMapping.FromTicks(document.OpenedAtUtcTicks),
            SyncErrorDocumentMapping.FromTicks(document.ClosesAtUtcTicks),
            document.Total,
            new Dictionary<string, long>(document.CountsByErrorType, StringComparer.Ordinal),
            [.. document.Entries.Select(e => new AlertEntry(
                e.ErrorId, e.Category, e.ErrorType, e.ObjectType, e.HubSpotId, e.SalesforceId, e.Reason, SyncErrorDocumentMapping.FromTicks(e.AtUtcTicks)))]);
}

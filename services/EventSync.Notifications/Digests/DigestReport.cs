using EventSync.Contracts;
using EventSync.Core.Errors;

namespace EventSync.Notifications.Digests;

/// <summary>What a digest says: the figures of the period and of now, read from the store.</summary>
internal sealed record DigestReport(
    string TenantId,
    DigestFrequency Frequency,
    DigestPeriod Period,
    long CurrentErrors,
    long AffectedRecords,
    long NewErrors,
    long ResolvedErrors,
    long StillOpen,
    long IgnoredErrors,
    IReadOnlyList<DigestCard> Cards,
    IReadOnlyList<DigestRecord> TopRecords,
    IReadOnlyList<UnknownErrorGroup> UnknownGroups,
    IReadOnlyList<DigestCategoryCount> ErrorsPerCategory,
    IReadOnlyList<DigestAssignee> Assignees)
{
    public bool HasNothingToReport => CurrentErrors == 0 && NewErrors == 0 && ResolvedErrors == 0;
}

namespace EventSync.Core.Storage;

/// <summary>
/// The alerts of one tenant gathered for one email: opened by the first alert, closed at <see cref="ClosesAt"/>. It counts
/// every alert per error type and keeps the first <see cref="MaxEntries"/> of them in full.
/// </summary>
public sealed record AlertWindow(
    string Id,
    string TenantId,
    DateTimeOffset OpenedAt,
    DateTimeOffset ClosesAt,
    long Total,
    IReadOnlyDictionary<string, long> CountsByErrorType,
    IReadOnlyList<AlertEntry> Entries)
{
    public const int MaxEntries = 50;
}

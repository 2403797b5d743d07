namespace EventSync.Core.Notifications;

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

    /// <summary>The window without the entries of these errors, its counts lowered by them (errors ignored since they alerted).</summary>
    public AlertWindow Without(IReadOnlySet<string> errorIds)
    {
        ArgumentNullException.ThrowIfNull(errorIds);
        var dropped = Entries.Where(e => errorIds.Contains(e.ErrorId)).ToList();
        if (dropped.Count == 0)
        {
            return this;
        }

        var counts = CountsByErrorType.ToDictionary(StringComparer.Ordinal);
        foreach (var entry in dropped)
        {
            counts[entry.ErrorType] = counts.GetValueOrDefault(entry.ErrorType) - 1;
        }

        return this with
        {
            Total = Total - dropped.Count,
            CountsByErrorType = counts.Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal),
            Entries = [.. Entries.Where(e => !errorIds.Contains(e.ErrorId))],
        };
    }
}

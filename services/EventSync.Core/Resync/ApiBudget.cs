namespace EventSync.Core.Resync;

/// <summary>
/// A tenant's Salesforce API budget for resyncs at <see cref="Now"/>. Used = the calls the engines reported for the last
/// 24 hours plus the calls EventSync itself spent after that report and within the last 24 hours. The cap is the
/// operator's allocation to HubSpot, else the reported Salesforce daily limit, else none (no figures at all: unlimited).
/// Spends are kept in minute buckets; a minute's calls count until the whole minute has left the 24-hour window.
/// </summary>
public sealed record ApiBudget
{
    public static readonly TimeSpan Window = TimeSpan.FromHours(24);
    public static readonly TimeSpan BucketWidth = TimeSpan.FromMinutes(1);

    public required string TenantId { get; init; }

    /// <summary>Calls a day resyncs may use up to; null = unlimited (neither an allocation nor a report).</summary>
    public long? Cap { get; init; }

    public long ReportedCalls { get; init; }

    public DateTimeOffset? ReportedAt { get; init; }

    /// <summary>EventSync's own spends, oldest first; those outside the window are pruned on every write.</summary>
    public IReadOnlyList<BudgetSpend> Spends { get; init; } = [];

    public required DateTimeOffset Now { get; init; }

    /// <summary>The budget from the stored figures: the allocation wins over the reported limit.</summary>
    public static ApiBudget Of(
        string tenantId, long? allocatedToHubSpot, long? salesforceLimit, long reportedCalls, DateTimeOffset? reportedAt, IReadOnlyList<BudgetSpend> spends, DateTimeOffset now) =>
        new()
        {
            TenantId = tenantId,
            Cap = allocatedToHubSpot ?? (reportedAt is null ? null : salesforceLimit),
            ReportedCalls = reportedAt is null ? 0 : reportedCalls,
            ReportedAt = reportedAt,
            Spends = [.. spends.OrderBy(s => s.Minute)],
            Now = now,
        };

    /// <summary>The spends that count now: inside the window, and not already in the report (a report's own minute counts: the safe side).</summary>
    public IEnumerable<BudgetSpend> CountedSpends =>
        Spends.Where(s => LeavesWindowAt(s) > Now && (ReportedAt is not { } reportedAt || s.Minute >= MinuteOf(reportedAt)));

    public long OwnCalls => CountedSpends.Sum(s => s.Calls);

    public long Used => ReportedCalls + OwnCalls;

    /// <summary>Calls that still fit; null when unlimited.</summary>
    public long? Room => Cap is { } cap ? Math.Max(0, cap - Used) : null;

    public bool Fits(long calls) => Cap is not { } cap || Used + calls <= cap;

    /// <summary>
    /// When <paramref name="calls"/> more calls are expected to fit, counting only EventSync's own spends leaving the window;
    /// null when only a lower usage report can make room (the reported calls alone leave too little).
    /// </summary>
    public DateTimeOffset? RoomExpectedAt(long calls)
    {
        if (Fits(calls))
        {
            return Now;
        }

        var missing = Used + calls - Cap!.Value;
        foreach (var spend in CountedSpends)
        {
            missing -= spend.Calls;
            if (missing <= 0)
            {
                return LeavesWindowAt(spend);
            }
        }

        return null;
    }

    /// <summary>The budget after spending <paramref name="calls"/> now; spends that left the window are dropped.</summary>
    public ApiBudget Spend(long calls) => WithSpends(AddTo(Spends, MinuteOf(Now), calls));

    /// <summary>The budget after giving back calls reserved at <paramref name="spentAt"/> that were never used.</summary>
    public ApiBudget Release(long calls, DateTimeOffset spentAt) => WithSpends(AddTo(Spends, MinuteOf(spentAt), -calls));

    public static DateTimeOffset MinuteOf(DateTimeOffset instant) =>
        new(instant.UtcTicks - (instant.UtcTicks % BucketWidth.Ticks), TimeSpan.Zero);

    private static DateTimeOffset LeavesWindowAt(BudgetSpend spend) => spend.Minute + BucketWidth + Window;

    private ApiBudget WithSpends(IEnumerable<BudgetSpend> spends) =>
        this with { Spends = [.. spends.Where(s => s.Calls > 0 && LeavesWindowAt(s) > Now).OrderBy(s => s.Minute)] };

    private static IEnumerable<BudgetSpend> AddTo(IReadOnlyList<BudgetSpend> spends, DateTimeOffset minute, long calls)
    {
        var found = false;
        foreach (var spend in spends)
        {
            if (spend.Minute == minute)
            {
                found = true;
                yield return spend with { Calls = spend.Calls + calls };
            }
            else
            {
                yield return spend;
            }
        }

        if (!found)
        {
            yield return new BudgetSpend(minute, calls);
        }
    }
}

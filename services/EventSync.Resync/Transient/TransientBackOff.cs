namespace EventSync.Resync.Transient;

/// <summary>
/// When the next automatic resync of a transient failure goes: exponential (first delay, doubled per failure), capped at
/// the longest delay, with ±20% jitter (so that errors that failed together do not come back together) and capped again
/// after the jitter.
/// </summary>
internal static class TransientBackOff
{
    public const double Jitter = 0.2;

    public static TimeSpan Delay(int failure, TimeSpan first, TimeSpan max, Random random)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failure, 1);
        ArgumentNullException.ThrowIfNull(random);
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Min(failure - 1, 30));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        var jittered = capped * (1 - Jitter + (2 * Jitter * random.NextDouble()));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, max.TotalMilliseconds));
    }
}

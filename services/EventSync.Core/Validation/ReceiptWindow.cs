using EventSync.Contracts;

namespace EventSync.Core.Validation;

/// <summary>
/// The time a message's timestamp may name, seen from the receiver's clock: at most <see cref="WireLimits.MaxAge"/>
/// ago (late events are welcome) and at most <see cref="WireLimits.MaxAhead"/> ahead. Refuses <c>-1</c> read as 1969,
/// year 1 and year 9999, which would sort first or last for ever.
/// </summary>
public static class ReceiptWindow
{
    public static (DateTimeOffset Earliest, DateTimeOffset Latest) At(DateTimeOffset now) => (now - WireLimits.MaxAge, now + WireLimits.MaxAhead);

    internal static void Check(DateTimeOffset? at, string field, TimeProvider clock, List<ValidationProblem> problems)
    {
        if (at is not { } value)
        {
            return;
        }

        var (earliest, latest) = At(clock.GetUtcNow());
        if (value < earliest || value > latest)
        {
            problems.Add(new(field, $"{value:O} is outside the accepted window from {earliest:O} to {latest:O} (at most {WireLimits.MaxAge.TotalDays:0} days ago, at most {WireLimits.MaxAhead.TotalHours:0} hours ahead)."));
        }
    }
}

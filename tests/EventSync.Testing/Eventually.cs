using System.Diagnostics;
using System.Text.Json;
using Xunit;

namespace EventSync.Testing;

/// <summary>
/// Waits for something to become true by polling a probe until a deadline: integration tests synchronise this way,
/// never by sleeping. On time-out the test fails with what was awaited and the last value the probe saw.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

    public static Task HoldsAsync(Func<Task<bool>> condition, TimeSpan timeout, string what) =>
        MatchesAsync(condition, held => held, timeout, what);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="accept"/> holds for its value, and returns that value.</summary>
    public static async Task<T> MatchesAsync<T>(Func<Task<T>> probe, Func<T, bool> accept, TimeSpan timeout, string what)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(accept);
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (accept(value))
            {
                return value;
            }

            if (clock.Elapsed > timeout)
            {
                Assert.Fail($"Not within {timeout.TotalSeconds:0.#} s: {what}. Last seen: {Describe(value)}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }
    }

    private static string Describe<T>(T value)
    {
        try
        {
            return JsonSerializer.Serialize(value);
        }
        catch (NotSupportedException)
        {
            return value?.ToString() ?? "null";
        }
    }
}

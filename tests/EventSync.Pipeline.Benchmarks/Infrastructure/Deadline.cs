using System.Diagnostics;

namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>Polls a condition until it holds or the deadline passes (then throws with what was awaited).</summary>
internal static class Deadline
{
    public static async Task PollAsync(Func<Task<bool>> condition, TimeSpan timeout, string awaited, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Gave up after {timeout.TotalSeconds:0} s waiting for {awaited}.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken);
        }
    }
}

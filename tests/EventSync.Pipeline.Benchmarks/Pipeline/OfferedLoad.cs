using System.Diagnostics;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// Sends <c>count</c> messages either as fast as completions come back (at most <c>inFlight</c> outstanding) or at a
/// fixed offered rate: the i-th send starts at i / rate seconds whatever the completions do (a late start catches up).
/// </summary>
internal static class OfferedLoad
{
    public static async Task RunAsync(int count, double? ratePerSecond, int inFlight, Func<int, ValueTask> send, CancellationToken cancellationToken)
    {
        using var window = new SemaphoreSlim(inFlight);
        var pending = new List<Task>(count);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if (ratePerSecond is { } rate)
            {
                var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
                if (wait > TimeSpan.FromMilliseconds(1))
                {
                    await Task.Delay(wait, cancellationToken);
                }
            }
            else
            {
                await window.WaitAsync(cancellationToken);
            }

            pending.Add(CompleteAsync(send(i), ratePerSecond is null ? window : null));
        }

        await Task.WhenAll(pending);
    }

    private static async Task CompleteAsync(ValueTask sent, SemaphoreSlim? window)
    {
        try
        {
            await sent;
        }
        finally
        {
            window?.Release();
        }
    }
}

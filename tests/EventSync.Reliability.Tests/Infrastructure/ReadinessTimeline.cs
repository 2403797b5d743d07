using System.Diagnostics;
using System.Net;

namespace EventSync.Reliability.Tests.Infrastructure;

/// <summary>
/// Samples, every 100 ms, each worker's <c>/health/ready</c> status and how many announcements the test has seen so far,
/// until disposed: the timeline a fault test reads its figures from (time unready, time without consumption, rates).
/// </summary>
public sealed class ReadinessTimeline : IAsyncDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;

    public ReadinessTimeline(IReadOnlyList<ServiceProcess> workers, Func<int> announced)
    {
        _sampling = Task.Run(async () =>
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
            while (!_stop.IsCancellationRequested)
            {
                var statuses = await Task.WhenAll(workers.Select(worker => StatusAsync(http, worker)));
                lock (_samples)
                {
                    _samples.Add(new Sample(_clock.Elapsed, statuses, announced()));
                }

                try
                {
                    await Task.Delay(Interval, _stop.Token);
                }
                catch (OperationCanceledException)
                {
                    // Disposed.
                }
            }
        });
    }

    public TimeSpan Now => _clock.Elapsed;

    public IReadOnlyList<Sample> Samples
    {
        get
        {
            lock (_samples)
            {
                return [.. _samples];
            }
        }
    }

    /// <summary>How long worker <paramref name="worker"/> answered anything but 200 after <paramref name="from"/>, in total.</summary>
    public TimeSpan UnreadyAfter(TimeSpan from, int worker) =>
        Samples.Zip(Samples.Skip(1)).Where(pair => pair.First.At >= from && pair.First.Statuses[worker] != HttpStatusCode.OK).Aggregate(TimeSpan.Zero, (sum, pair) => sum + (pair.Second.At - pair.First.At));

    /// <summary>The longest time between <paramref name="from"/> and <paramref name="to"/> in which no announcement arrived, and when it ended.</summary>
    public (TimeSpan Length, TimeSpan EndedAt) LongestStall(TimeSpan from, TimeSpan to)
    {
        var progress = Samples.Where(s => s.At >= from && s.At <= to).ToList();
        var longest = (Length: TimeSpan.Zero, EndedAt: from);
        var since = progress.FirstOrDefault();
        foreach (var sample in progress.Skip(1))
        {
            if (sample.Announced > since!.Announced)
            {
                if (sample.At - since.At > longest.Length)
                {
                    longest = (sample.At - since.At, sample.At);
                }

                since = sample;
            }
        }

        return longest;
    }

    /// <summary>Announcements per second between two moments.</summary>
    public double RateBetween(TimeSpan from, TimeSpan to)
    {
        var samples = Samples;
        var first = samples.LastOrDefault(s => s.At <= from) ?? samples[0];
        var last = samples.LastOrDefault(s => s.At <= to) ?? samples[^1];
        var seconds = (last.At - first.At).TotalSeconds;
        return seconds <= 0 ? 0 : (last.Announced - first.Announced) / seconds;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient http, ServiceProcess worker)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(worker.Address, "health/ready"));
            return response.StatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return 0;
        }
    }

    public sealed record Sample(TimeSpan At, HttpStatusCode[] Statuses, int Announced);
}

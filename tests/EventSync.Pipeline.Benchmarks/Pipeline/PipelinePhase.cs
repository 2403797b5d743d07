using System.Diagnostics;
using EventSync.Pipeline.Benchmarks.Infrastructure;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// One phase: publishes a workload (as fast as possible or at an offered rate) and waits until the classifier has
/// announced every change it makes (SyncErrorClassified is published after the store write, so: stored). Throughput runs
/// from the first publish to the last announcement; latency is per event, publish to its first announcement.
/// </summary>
/// <remarks>
/// An event that arrives after a later event of the same error is announced under the later event's id (the
/// announcement carries the error's last event id): such events count toward completion but have no latency of their
/// own; <see cref="PhaseResult.AnnouncedUnderOtherId"/> says how many.
/// </remarks>
internal static class PipelinePhase
{
    /// <summary>Publishes message i (having called <c>onPublishing(i, timestamp)</c>) and completes when it is accepted.</summary>
    public delegate Task PublishAll(IReadOnlyList<WorkloadMessage> messages, double? rate, Action<int, long> onPublishing, CancellationToken cancellationToken);

    public static async Task<PhaseResult> RunAsync(
        PublishAll publish, StoredEventLog log, Action ensureRunning, Workload workload, double? rate, CancellationToken cancellationToken)
    {
        _ = log.TakeOccurrences();
        var expected = log.Announcements + workload.ExpectedAnnouncements;
        var publishedAt = new long[workload.Messages.Count];
        var start = Stopwatch.GetTimestamp();
        await publish(workload.Messages, rate, (i, at) => publishedAt[i] = at, cancellationToken);
        var publishSeconds = Stopwatch.GetElapsedTime(start).TotalSeconds;

        await Deadline.PollAsync(
            () =>
            {
                ensureRunning();
                return Task.FromResult(log.Announcements >= expected);
            },
            TimeSpan.FromMinutes(10),
            $"{workload.ExpectedAnnouncements} SyncErrorClassified announcements of {workload.FailureCount} failure events",
            cancellationToken);

        var latencies = new List<double>(workload.FailureCount);
        for (var i = 0; i < workload.Messages.Count; i++)
        {
            if (workload.Messages[i].FailureEventId is { } eventId && log.StoredAt(eventId) is { } storedAt)
            {
                latencies.Add(Stopwatch.GetElapsedTime(publishedAt[i], storedAt).TotalMilliseconds);
            }
        }

        return new PhaseResult(
            workload.FailureCount,
            rate,
            Stopwatch.GetElapsedTime(start, log.LastAt).TotalSeconds,
            publishSeconds,
            LatencyPercentiles.Of(latencies),
            workload.FailureCount - latencies.Count,
            log.TakeOccurrences(),
            LoadAverage.Read());
    }
}

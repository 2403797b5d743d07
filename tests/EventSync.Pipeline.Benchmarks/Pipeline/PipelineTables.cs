using System.Globalization;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>The pipeline result as console tables, beside the goals of the issue.</summary>
internal static class PipelineTables
{
    public static void Write(PipelineResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{result.Machine}[/]; load average {result.LoadAverageAtStart} at start, {result.LoadAverageAtEnd} at end");
        AnsiConsole.MarkupLineInterpolated($"classifier settings: {result.Tuning}; a RecordSynced every {result.ResolutionEvery} failure events (0: none)");

        var throughput = new Table().Title("Throughput (as fast as possible)")
            .AddColumns("what", "messages", "seconds", "per second", "load average");
        throughput.AddRow("(a) raw RabbitMQ.Client: persistent, confirmed, manual acks", N(result.Ceiling.Messages), S(result.Ceiling.Seconds), N(result.Ceiling.MessagesPerSecond), result.Ceiling.LoadAverage);
        throughput.AddRow("raw relay: consumed, published on (confirmed), acked, consumed again", N(result.Relay.Messages), S(result.Relay.Seconds), N(result.Relay.MessagesPerSecond), result.Relay.LoadAverage);
        throughput.AddRow($"embedded store alone: classified and written, batches of {result.StoreAlone.BatchSize}", N(result.StoreAlone.Events), S(result.StoreAlone.Seconds), N(result.StoreAlone.EventsPerSecond), result.StoreAlone.LoadAverage);
        throughput.AddRow("(b) classifier pipeline: published -> classified and stored", N(result.Throughput.Events), S(result.Throughput.Seconds), N(result.Throughput.EventsPerSecond), result.Throughput.LoadAverage);
        if (result.EmbeddedThroughput is { } embedded)
        {
            throughput.AddRow("embedded host (in-memory bus + SQLite)", N(embedded.Events), S(embedded.Seconds), N(embedded.EventsPerSecond), embedded.LoadAverage);
        }

        AnsiConsole.Write(throughput);
        AnsiConsole.MarkupLineInterpolated($"ratio pipeline / ceiling: [bold]{result.Ratio:P0}[/] (goal 60 % or more); relay / ceiling {result.Relay.MessagesPerSecond / result.Ceiling.MessagesPerSecond:P0}; pipeline / relay {result.RelayRatio:P0}; pipeline / store alone {result.StoreRatio:P0}");

        var latency = new Table().Title("Publish -> stored latency at a fixed offered rate (ms)")
            .AddColumns("what", "events", "rate", "p50", "p95", "p99", "max", "load average");
        AddLatency(latency, "classifier pipeline (goal p99 < 50 ms)", result.Latency);
        if (result.EmbeddedLatency is { } embeddedLatency)
        {
            AddLatency(latency, "embedded host", embeddedLatency);
        }

        AnsiConsole.Write(latency);
        AnsiConsole.MarkupLineInterpolated(
            $"classifier worker memory: peak (VmHWM) [bold]{result.Worker.PeakMemoryMiB:N0} MiB[/], at end {result.Worker.MemoryAtEndMiB:N0} MiB ({result.Worker.MemoryAtEnd?.ToString() ?? "kinds not read"}) (goal under 150 MB); CPU {result.Worker.CpuMsPerEvent:N2} ms per event in the throughput phase");
        AnsiConsole.MarkupLineInterpolated($"worker's managed heap after the throughput phase: {result.Worker.HeapAfterThroughput?.ToString() ?? "(not read)"} (arrays of 85 KB or more, such as the embedded store's page cache, are in loh)");
        if (result.EmbeddedProcessPeakMemoryMiB is { } embeddedPeak)
        {
            AnsiConsole.MarkupLineInterpolated($"embedded: peak of the whole benchmark process (host + driver) {embeddedPeak:N0} MiB");
        }

        AnsiConsole.MarkupLineInterpolated($"announcements (throughput phase): {string.Join(", ", result.Throughput.Occurrences.Select(o => $"{o.Key} {o.Value}"))}");
        AnsiConsole.MarkupLineInterpolated(
            $"events announced only under a later event's id (no latency of their own): pipeline {result.Throughput.AnnouncedUnderOtherId} + {result.Latency.AnnouncedUnderOtherId}, embedded {result.EmbeddedThroughput?.AnnouncedUnderOtherId} + {result.EmbeddedLatency?.AnnouncedUnderOtherId}");
    }

    private static void AddLatency(Table table, string what, PhaseResult phase) =>
        table.AddRow(what, N(phase.Events), N(phase.OfferedRate ?? 0) + "/s", M(phase.Latency.P50), M(phase.Latency.P95), M(phase.Latency.P99), M(phase.Latency.Max), phase.LoadAverage);

    private static string N(double value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string S(double value) => value.ToString("N2", CultureInfo.InvariantCulture);

    private static string M(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
}

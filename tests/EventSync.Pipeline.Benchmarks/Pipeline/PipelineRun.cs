using EventSync.Classifier;
using EventSync.Pipeline.Benchmarks.Embedded;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Pipeline.Benchmarks.Reporting;
using EventSync.ServiceDefaults.Messaging;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>
/// One run, one broker, one machine: (a) the raw RabbitMQ ceiling, then the two bounds of the pipeline's shape (the raw
/// relay: two broker crossings per event; the embedded store alone), (b) the same number of failure events through the
/// real classifier (a child process) into its store, as fast as possible and then at the offered rate, (c) the same
/// through the embedded host (in-memory bus + SQLite, in process).
/// </summary>
internal static class PipelineRun
{
    private const int Seed = 20261128;

    public static async Task<PipelineResult> RunAsync(PipelineSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;

        var loadAtStart = LoadAverage.Read();
        var templates = CorpusEvents.Load();
        var generator = new WorkloadGenerator(templates, Seed, settings.EventsPerResolution);
        var warmup = generator.Next(settings.WarmupEvents);
        var throughput = generator.Next(settings.Events);
        var latency = generator.Next(settings.LatencyEvents);

        await using var vhost = settings.Vhost is { } existing
            ? BenchmarkVhost.Existing(settings.Broker, existing)
            : await BenchmarkVhost.CreateAsync(settings.Broker, settings.ManagementApi, cancellationToken);
        Say($"vhost {vhost.Name}: raw ceiling, {settings.Events:N0} messages, prefetch {settings.CeilingPrefetch}, {settings.InFlight} in flight");
        var ceiling = await RawCeiling.RunAsync(vhost.Amqp, [.. throughput.FailureBodies], settings.CeilingPrefetch, settings.InFlight, cancellationToken);
        Say($"ceiling {ceiling.MessagesPerSecond:N0} msg/s (load {ceiling.LoadAverage}); now the relay (every message consumed and published on)");
        var relay = await RawRelay.RunAsync(vhost.Amqp, [.. throughput.FailureBodies], settings.CeilingPrefetch, settings.InFlight, cancellationToken);
        Say($"relay {relay.MessagesPerSecond:N0} msg/s (load {relay.LoadAverage}); now the embedded store alone");
        var batchSize = settings.Tuning.BatchSize ?? new ClassifierOptions().BatchSize;
        var storeAlone = await StoreAlone.RunAsync(warmup, throughput, batchSize, outbox: true, cancellationToken);
        Say($"store alone {storeAlone.EventsPerSecond:N0} events/s in batches of {batchSize} (load {storeAlone.LoadAverage})");

        var (throughputResult, latencyResult, worker) = await RunClassifierAsync(settings, vhost, warmup, throughput, latency, cancellationToken);

        PhaseResult? embeddedThroughput = null;
        PhaseResult? embeddedLatency = null;
        double? embeddedPeak = null;
        if (settings.Embedded)
        {
            var embeddedGenerator = new WorkloadGenerator(templates, Seed, settings.EventsPerResolution);
            (embeddedThroughput, embeddedLatency) = await RunEmbeddedAsync(
                settings, embeddedGenerator.Next(settings.WarmupEvents), embeddedGenerator.Next(settings.Events), embeddedGenerator.Next(settings.LatencyEvents), cancellationToken);
            embeddedPeak = ProcessMemory.PeakMiB(Environment.ProcessId);
        }

        return new PipelineResult(
            startedAt, MachineInfo.Current(), loadAtStart, LoadAverage.Read(), settings.Tuning.ToString(), settings.EventsPerResolution,
            ceiling, relay, storeAlone, throughputResult, latencyResult, worker, embeddedThroughput, embeddedLatency, embeddedPeak);
    }

    private static async Task<(PhaseResult Throughput, PhaseResult Latency, WorkerUsage Worker)> RunClassifierAsync(
        PipelineSettings settings, BenchmarkVhost vhost, Workload warmup, Workload throughput, Workload latency, CancellationToken cancellationToken)
    {
        await using var listener = await ClassifiedListener.StartAsync(vhost.Amqp, cancellationToken);
        await using var publisher = await ConfirmedPublisher.ConnectAsync(vhost.Amqp, settings.InFlight, cancellationToken);
        await publisher.DeclareFanoutAsync(EngineExchanges.SyncFailures, cancellationToken);
        await publisher.DeclareFanoutAsync(EngineExchanges.RecordSynced, cancellationToken);
        await using var worker = ClassifierWorker.Start(vhost.Amqp, settings.Tuning);
        await worker.WaitReadyAsync(cancellationToken);
        Say($"classifier ready ({settings.Tuning}); warm-up {warmup.FailureCount:N0} events");

        var publish = publisher.AsEngine();
        await PipelinePhase.RunAsync(publish, listener.Log, worker.EnsureRunning, warmup, rate: null, cancellationToken);
        var cpuBefore = worker.CpuSeconds;
        var throughputResult = await PipelinePhase.RunAsync(publish, listener.Log, worker.EnsureRunning, throughput, rate: null, cancellationToken);
        var cpuMsPerEvent = (worker.CpuSeconds - cpuBefore) * 1000 / throughput.FailureCount;
        var heap = await worker.ReadHeapAsync(cancellationToken);
        Say($"pipeline {throughputResult.EventsPerSecond:N0} events/s (load {throughputResult.LoadAverage}); now {latency.FailureCount:N0} events at {settings.Rate:N0}/s");
        var latencyResult = await PipelinePhase.RunAsync(publish, listener.Log, worker.EnsureRunning, latency, settings.Rate, cancellationToken);
        Say($"p50 {latencyResult.Latency.P50:N1} ms, p99 {latencyResult.Latency.P99:N1} ms (load {latencyResult.LoadAverage})");
        return (throughputResult, latencyResult, new WorkerUsage(worker.PeakMemoryMiB, worker.MemoryMiB, worker.MemoryParts, cpuMsPerEvent, heap));
    }

    private static async Task<(PhaseResult Throughput, PhaseResult Latency)> RunEmbeddedAsync(
        PipelineSettings settings, Workload warmup, Workload throughput, Workload latency, CancellationToken cancellationToken)
    {
        await using var host = await EmbeddedHost.StartAsync(settings.Tuning, cancellationToken);
        Say("embedded host started (in-memory bus + SQLite, in process)");
        var publish = host.Publisher(settings.InFlight);

        await PipelinePhase.RunAsync(publish, host.Log, () => { }, warmup, rate: null, cancellationToken);
        var throughputResult = await PipelinePhase.RunAsync(publish, host.Log, () => { }, throughput, rate: null, cancellationToken);
        var latencyResult = await PipelinePhase.RunAsync(publish, host.Log, () => { }, latency, settings.Rate, cancellationToken);
        Say($"embedded {throughputResult.EventsPerSecond:N0} events/s, p99 {latencyResult.Latency.P99:N1} ms at {settings.Rate:N0}/s");
        return (throughputResult, latencyResult);
    }

    private static void Say(string line) =>
        AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {line}");
}

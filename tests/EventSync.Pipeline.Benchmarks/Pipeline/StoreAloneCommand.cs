using System.CommandLine;
using EventSync.Classifier;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

/// <summary>The pipeline's embedded-store-alone figure by itself, several runs: quick to repeat while tuning the store.</summary>
internal static class StoreAloneCommand
{
    private const int Seed = 20261128;

    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "Failure events of each measured run.", DefaultValueFactory = _ => 20_000 };
        var warmup = new Option<int>("--warmup") { Description = "Failure events written first and not measured.", DefaultValueFactory = _ => 2_000 };
        var runs = new Option<int>("--runs") { Description = "Measured runs, each on a fresh store.", DefaultValueFactory = _ => 3 };
        var batchSize = new Option<int?>("--batch-size") { Description = "Events per bulk write (default: the classifier's batch size)." };
        var resolutions = new Option<int>("--resolution-every") { Description = "A RecordSynced every N failure events (0: none).", DefaultValueFactory = _ => 25 };
        var outbox = new Option<bool>("--outbox") { Description = "Queue each change's announcement in the outbox with its write, and drain the outbox beside the writes." };
        var command = new Command("store-alone", "The embedded store alone with the pipeline's workload: classified events written in the worker's batches.")
        {
            events, warmup, runs, batchSize, resolutions, outbox,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var size = parse.GetValue(batchSize) ?? new ClassifierOptions().BatchSize;
            var generator = new WorkloadGenerator(CorpusEvents.Load(), Seed, Math.Max(0, parse.GetValue(resolutions)));
            var warm = generator.Next(parse.GetValue(warmup));
            for (var run = 1; run <= parse.GetValue(runs); run++)
            {
                var measured = generator.Next(parse.GetValue(events));
                var cpuBefore = ProcessCpu.Seconds(Environment.ProcessId);
                var result = await StoreAlone.RunAsync(warm, measured, size, parse.GetValue(outbox), cancellationToken);
                // CPU of the warm-up and the measured run together, per event of both: what the store costs on a busy machine too.
                var cpuPerEvent = (ProcessCpu.Seconds(Environment.ProcessId) - cpuBefore) * 1000 / (warm.FailureCount + measured.FailureCount);
                AnsiConsole.MarkupLineInterpolated(
                    $"run {run}: {result.Events:N0} events in {result.Seconds:N2} s, [bold]{result.EventsPerSecond:N0} events/s[/] in batches of {size}, {cpuPerEvent:N3} ms CPU per event (load {result.LoadAverage})");
            }

            return 0;
        });
        return command;
    }
}

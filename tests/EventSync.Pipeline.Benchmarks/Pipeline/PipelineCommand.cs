using System.CommandLine;
using EventSync.Pipeline.Benchmarks.Reporting;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.Pipeline;

internal static class PipelineCommand
{
    public static Command Create()
    {
        var events = new Option<int>("--events") { Description = "Failure events of the throughput phase (and messages of the raw ceiling).", DefaultValueFactory = _ => 20_000 };
        var rate = new Option<double>("--rate") { Description = "Offered rate of the latency phase, events per second.", DefaultValueFactory = _ => 1_000 };
        var latencyEvents = new Option<int?>("--latency-events") { Description = "Failure events of the latency phase; by default 15 seconds' worth at --rate." };
        var warmup = new Option<int>("--warmup") { Description = "Failure events sent first and not measured.", DefaultValueFactory = _ => 2_000 };
        var broker = new Option<Uri>("--broker") { Description = "The broker (credentials, host, port); the run makes a vhost of its own there.", DefaultValueFactory = _ => new Uri("amqp://guest:guest@127.0.0.1:5672/") };
        var management = new Option<Uri>("--management") { Description = "The broker's management API, to create and delete the vhost.", DefaultValueFactory = _ => new Uri("http://127.0.0.1:15672/") };
        var vhost = new Option<string?>("--vhost") { Description = "Use this existing vhost instead of making one (nothing is created or deleted)." };
        var ceilingPrefetch = new Option<ushort>("--ceiling-prefetch") { Description = "Prefetch of the raw ceiling's consumer.", DefaultValueFactory = _ => 500 };
        var inFlight = new Option<int>("--in-flight") { Description = "Unconfirmed publishes allowed at once.", DefaultValueFactory = _ => 256 };
        var batchSize = new Option<int?>("--batch-size") { Description = "EventSync:Classifier:BatchSize for the worker (else its appsettings)." };
        var batchTimeLimit = new Option<int?>("--batch-time-limit-ms") { Description = "EventSync:Classifier:BatchTimeLimit in milliseconds." };
        var batchConcurrency = new Option<int?>("--batch-concurrency") { Description = "EventSync:Classifier:BatchConcurrency." };
        var prefetch = new Option<int?>("--prefetch") { Description = "EventSync:Messaging:PrefetchCount." };
        var workerEnvironment = new Option<string[]>("--worker-env") { Description = "NAME=VALUE for the worker's environment (e.g. DOTNET_GCHeapHardLimit=0x8000000); repeatable.", DefaultValueFactory = _ => [] };
        var resolutions = new Option<int>("--resolution-every") { Description = "A RecordSynced after every this many failure events (0: none).", DefaultValueFactory = _ => 25 };
        var noEmbedded = new Option<bool>("--no-embedded") { Description = "Skip the embedded host's figure." };

        var command = new Command("pipeline", "The raw RabbitMQ ceiling, the classifier pipeline (throughput, latency at a fixed rate, worker memory) and the embedded host, in one run.")
        {
            events, rate, latencyEvents, warmup, broker, management, vhost, ceilingPrefetch, inFlight, batchSize, batchTimeLimit, batchConcurrency, prefetch, workerEnvironment, resolutions, noEmbedded,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var offered = parse.GetValue(rate);
            var settings = new PipelineSettings(
                parse.GetValue(events),
                offered,
                parse.GetValue(latencyEvents) ?? (int)(offered * 15),
                parse.GetValue(warmup),
                parse.GetValue(broker)!,
                parse.GetValue(management)!,
                parse.GetValue(vhost),
                parse.GetValue(ceilingPrefetch),
                parse.GetValue(inFlight),
                new ClassifierTuning(parse.GetValue(batchSize), parse.GetValue(batchTimeLimit), parse.GetValue(batchConcurrency), parse.GetValue(prefetch), parse.GetValue(workerEnvironment) ?? []),
                !parse.GetValue(noEmbedded),
                Math.Max(0, parse.GetValue(resolutions)));
            var result = await PipelineRun.RunAsync(settings, cancellationToken);
            PipelineTables.Write(result);
            AnsiConsole.MarkupLineInterpolated($"result: {ResultFile.Write("pipeline", result)}");
            return 0;
        });
        return command;
    }
}

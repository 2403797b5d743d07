using System.CommandLine;
using EventSync.Pipeline.Benchmarks.Reporting;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

internal static class StoreScaleCommand
{
    public static Command Create()
    {
        var errors = new Option<int>("--errors") { Description = "Errors to store for the one tenant.", DefaultValueFactory = _ => 1_000_000 };
        var chunk = new Option<int>("--chunk") { Description = "Failure events per bulk RecordAsync while filling.", DefaultValueFactory = _ => 1_000 };
        var tenant = new Option<string>("--tenant") { Description = "The tenant that holds them.", DefaultValueFactory = _ => "portal-scale" };
        var dataDir = new Option<string?>("--data-dir") { Description = "Keep the store in this folder (else a temp folder, deleted afterwards)." };
        var skipFill = new Option<bool>("--skip-fill") { Description = "Measure the store already in --data-dir without adding errors." };
        var tied = new Option<int>("--tied") { Description = "Errors of a second tenant, all last seen at the same instant: a page in their middle is timed (0: none).", DefaultValueFactory = _ => 400_000 };
        var runs = new Option<int>("--runs") { Description = "Times each read is timed (the first is the cold one).", DefaultValueFactory = _ => 5 };

        var command = new Command("store-scale", "The embedded store at a million errors of one tenant: fill rate, sync-health summary, first pages, streamed CSV export and its memory.")
        {
            errors, chunk, tenant, dataDir, skipFill, runs, tied,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var settings = new StoreScaleSettings(
                parse.GetValue(errors), parse.GetValue(chunk), parse.GetValue(tenant)!, parse.GetValue(dataDir), parse.GetValue(skipFill), Math.Max(2, parse.GetValue(runs)), Math.Max(0, parse.GetValue(tied)));
            if (settings.SkipFill && settings.DataDir is null)
            {
                await Console.Error.WriteLineAsync("--skip-fill needs --data-dir (a store filled by an earlier run).");
                return 2;
            }

            var result = await StoreScaleRun.RunAsync(settings, cancellationToken);
            StoreScaleTables.Write(result);
            AnsiConsole.MarkupLineInterpolated($"result: {ResultFile.Write("store-scale", result)}");
            return 0;
        });
        return command;
    }
}

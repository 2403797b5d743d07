using System.CommandLine;
using EventSync.Core.Classification;

namespace EventSync.Cli.Classify;

internal static class ClassifyCommand
{
    public static Command Create(StandardStreams streams)
    {
        var inputOption = new Option<string?>("--input", "-i")
        {
            Description = "JSON Lines file with one SyncFailureReported event a line; '-' or nothing reads standard input.",
            HelpName = "FILE|-",
        };
        var explainOption = new Option<bool>("--explain")
        {
            Description = "Also say, per error, which rule decided on which status code and words, and which rules came near.",
        };

        var command = new Command("classify", "Classify failure events: one JSON line out per event in, in the same order. Bad lines are reported on stderr with their line number; the exit code is then 1.")
        {
            inputOption,
            explainOption,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(inputOption);
            if (InputFiles.Problem(path) is { } problem)
            {
                await streams.Error.WriteLineAsync(problem);
                return 2;
            }

            await using var file = InputFiles.OpenBytes(path);
            var classifier = new JsonLinesClassifier(SyncFailureClassifier.Default, parseResult.GetValue(explainOption));
            var summary = await classifier.RunAsync(file ?? streams.InputBytes, streams.OutputBytes, streams.Error, cancellationToken);
            return summary.Rejected == 0 ? 0 : 1;
        });
        return command;
    }
}

using System.CommandLine;

namespace EventSync.Cli.Classify;

internal static class ClassifyCommand
{
    public static Command Create(TextReader input, TextWriter output, TextWriter errors)
    {
        var inputOption = new Option<string?>("--input", "-i")
        {
            Description = "JSON Lines file with one SyncFailureReported event a line; '-' or nothing reads standard input.",
            HelpName = "FILE|-",
        };

        var command = new Command("classify", "Classify failure events: one JSON line out per event in, in the same order. Bad lines are reported on stderr with their line number; the exit code is then 1.")
        {
            inputOption,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var path = parseResult.GetValue(inputOption);
            if (InputFiles.Problem(path) is { } problem)
            {
                await errors.WriteLineAsync(problem);
                return 2;
            }

            using var reader = InputFiles.Open(path, input);
            var summary = await new JsonLinesClassifier().RunAsync(reader, output, errors, cancellationToken);
            return summary.Rejected == 0 ? 0 : 1;
        });
        return command;
    }
}

using System.CommandLine;

namespace EventSync.Cli.Tests;

/// <summary>Runs the real <c>eventsync</c> command tree with captured standard streams.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> WithInput(string standardInput, params string[] args)
    {
        using var input = new StringReader(standardInput);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        var exitCode = await EventSyncCommandLine.Create(input, output, errors)
            .Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output.ToString(), errors.ToString());
    }

    public static Task<CliRun> Of(params string[] args) => WithInput("", args);

    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, name);
}

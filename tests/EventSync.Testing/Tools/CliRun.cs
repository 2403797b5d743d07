using System.CommandLine;
using System.Text;
using EventSync.Cli;
using Xunit;

namespace EventSync.Testing.Tools;

/// <summary>Runs the real <c>eventsync</c> command tree with captured standard streams.</summary>
public sealed record CliRun(int ExitCode, string Output, string Errors)
{
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public string[] ErrorLines => Errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static async Task<CliRun> WithInput(string standardInput, params string[] args)
    {
        using var input = new StringReader(standardInput);
        using var output = new StringWriter();
        using var errors = new StringWriter();
        using var inputBytes = new MemoryStream(Encoding.UTF8.GetBytes(standardInput));
        using var outputBytes = new MemoryStream();
        var streams = new StandardStreams(input, output, errors, inputBytes, outputBytes);
        var exitCode = await EventSyncCommandLine.Create(streams)
            .Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = errors }, TestContext.Current.CancellationToken);
        return new CliRun(exitCode, output + Encoding.UTF8.GetString(outputBytes.ToArray()), errors.ToString());
    }

    public static Task<CliRun> Of(params string[] args) => WithInput("", args);

    public static string File(string name) => Path.Combine(AppContext.BaseDirectory, name);
}

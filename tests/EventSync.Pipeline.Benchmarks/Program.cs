using System.CommandLine;
using EventSync.Pipeline.Benchmarks;
using Spectre.Console;

// Tables stay readable when the output goes to a file.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 180;
}

return await BenchmarkCommandLine.Create()
    .Parse(args)
    .InvokeAsync(new InvocationConfiguration { Output = Console.Out, Error = Console.Error });

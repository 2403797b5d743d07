using System.Diagnostics;

namespace EventSync.Contracts.Tests;

/// <summary>Debian's <c>python3</c>, run on a script with arguments: what engines and receivers in Python would do.</summary>
internal static class Python3
{
    public const string Path = "/usr/bin/python3";

    public static bool IsInstalled => File.Exists(Path);

    /// <summary>Runs python3 and returns its exit code with standard output followed by standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }
}

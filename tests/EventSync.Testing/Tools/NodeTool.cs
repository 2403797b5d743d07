using System.Diagnostics;

namespace EventSync.Testing.Tools;

/// <summary>
/// Node.js and npm as found on PATH, for the JavaScript tools and examples under <c>contracts/</c>: their packages are
/// installed with <c>npm ci</c> from the committed lock file when missing. Each method that can fail to find what it
/// needs says why, so a test skips with the reason instead of passing.
/// </summary>
public static class NodeTool
{
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(5);

    public static string? Node { get; } = FindOnPath("node");

    public static string? Npm { get; } = FindOnPath("npm");

    /// <summary>Null when <paramref name="package"/> is installed in <paramref name="folder"/> (installing it with npm ci if needed), else why not.</summary>
    public static async Task<string?> EnsurePackageAsync(string folder, string package, CancellationToken cancellationToken)
    {
        if (Node is null || Npm is null)
        {
            return "Node.js and npm are not on PATH (Debian: apt-get install nodejs npm).";
        }

        if (Directory.Exists(Path.Combine(folder, "node_modules", package)))
        {
            return null;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(InstallTimeout);
        var (exitCode, output) = await RunAsync(Npm, folder, ["ci", "--no-audit", "--no-fund"], timeout.Token);
        return exitCode == 0 && Directory.Exists(Path.Combine(folder, "node_modules", package))
            ? null
            : $"npm ci in {Path.GetFileName(folder)} could not install {package} (no npm registry?): {output.Trim()}";
    }

    /// <summary>Runs a program to its end; standard output, then standard error.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, string workingDirectory, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await output + await error);
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}

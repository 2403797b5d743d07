using System.Diagnostics;

namespace EventSync.Operations.Tests.Infrastructure;

/// <summary>
/// A compose implementation that validates a file without a Docker engine: the <c>docker compose</c> plugin when the
/// client has it, else <c>docker-compose</c> (v1; <c>infra/services.sh</c> installs it). Null when neither answers.
/// </summary>
public sealed record ComposeTool(string FileName, string[] Prefix)
{
    public const string SkipReason = "Neither `docker compose` nor `docker-compose` is installed (infra/services.sh installs docker-compose on Debian)";

    private static readonly Lazy<ComposeTool?> Installed = new(() =>
        new[] { new ComposeTool("docker", ["compose"]), new ComposeTool("docker-compose", []) }
            .FirstOrDefault(tool => tool.Answers()));

    public static ComposeTool? Find() => Installed.Value;

    /// <summary>Runs <c>config</c> on <paramref name="composeFile"/> with exactly <paramref name="environment"/> as its variables.</summary>
    public (int ExitCode, string Output, string Errors) Config(string composeFile, string envFile, IReadOnlyDictionary<string, string> environment, params string[] arguments) =>
        Config([composeFile], envFile, environment, arguments);

    /// <summary>The same on several files, each laid over the ones before it (the first one's folder is the project's).</summary>
    public (int ExitCode, string Output, string Errors) Config(IReadOnlyList<string> composeFiles, string envFile, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(composeFiles);
        var start = Start([.. Prefix, "--env-file", envFile, .. composeFiles.SelectMany(file => new[] { "-f", file }), "config", .. arguments]);
        start.WorkingDirectory = Path.GetDirectoryName(composeFiles[0])!;
        foreach (var name in start.Environment.Keys.Where(IsComposeVariable).ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Run(start);
    }

    private bool Answers()
    {
        try
        {
            return Run(Start([.. Prefix, "version"])).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    private ProcessStartInfo Start(string[] arguments)
    {
        var start = new ProcessStartInfo(FileName) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static (int ExitCode, string Output, string Errors) Run(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} did not finish within 60 s");
        }

        return (process.ExitCode, output.Result, errors.Result);
    }

    private static bool IsComposeVariable(string name) =>
        name.StartsWith("EVENTSYNC_", StringComparison.Ordinal) || name.StartsWith("RABBITMQ_", StringComparison.Ordinal)
        || name.StartsWith("MONGODB_", StringComparison.Ordinal) || name.StartsWith("MAILPIT_", StringComparison.Ordinal)
        || name.StartsWith("COMPOSE_", StringComparison.Ordinal);
}

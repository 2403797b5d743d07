using System.Diagnostics;
using System.Text.Json;

namespace EventSync.Api.Tests.Infrastructure;

/// <summary>
/// Redocly CLI, pinned, run through <c>npx</c> on a document file: its recommended rules, as JSON. Null when it could
/// not run (no <c>npx</c>, or the package could not be installed), with the reason.
/// </summary>
public static class RedoclyLint
{
    public const string Package = "@redocly/cli@2.77.0";

    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    /// <summary>The problems Redocly reports (rule, severity, message, pointer), or the reason it could not run.</summary>
    public static async Task<(IReadOnlyList<LintProblem>? Problems, string Reason)> LintAsync(string documentFile, CancellationToken cancellationToken)
    {
        var npx = FindOnPath("npx");
        if (npx is null)
        {
            return (null, "npx is not installed (Debian: npm), so Redocly CLI cannot run.");
        }

        var start = new ProcessStartInfo(npx) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(documentFile)! };
        foreach (var argument in new[] { "--yes", Package, "lint", "--format=json", documentFile })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        start.Environment["NO_UPDATE_NOTIFIER"] = "1";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Deadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            process.Kill(entireProcessTree: true);
            return (null, $"npx {Package} did not finish within {Deadline.TotalMinutes} minutes (is the npm registry reachable?).");
        }

        var json = await output;
        var totals = json.IndexOf('{', StringComparison.Ordinal) is var at and >= 0 ? Parse(json[at..]) : null;
        return totals is null
            ? (null, $"npx {Package} did not run (exit {process.ExitCode}); the package may not be installable here: {Tail(await errors)}")
            : (totals, "");
    }

    private static List<LintProblem>? Parse(string json)
    {
        try
        {
            var root = JsonDocument.Parse(json).RootElement;
            return [.. root.GetProperty("problems").EnumerateArray().Select(p => new LintProblem(
                p.GetProperty("ruleId").GetString()!,
                p.GetProperty("severity").GetString()!,
                p.GetProperty("message").GetString()!,
                p.GetProperty("location").EnumerateArray().Select(l => l.GetProperty("pointer").GetString()).FirstOrDefault() ?? ""))];
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return null;
        }
    }

    private static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);

    private static string Tail(string text) => text.Length <= 600 ? text.Trim() : text[^600..].Trim();
}

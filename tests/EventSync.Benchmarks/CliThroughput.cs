using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace EventSync.Benchmarks;

/// <summary>
/// <c>eventsync classify</c> as a whole process on a large JSON Lines file: lines per second from start to exit, output
/// read and thrown away. The file repeats every corpus event (all error types and input shapes) with fresh event ids.
/// </summary>
internal static class CliThroughput
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lines = Option(args, "--lines", 1_000_000);
        var runs = Option(args, "--runs", 3);
        var cli = args.SkipWhile(a => a != "--cli").Skip(1).FirstOrDefault() ?? DefaultCliPath();
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"Build the command line first (dotnet build -c Release services/EventSync.Cli) or pass --cli PATH/eventsync.dll; '{cli}' does not exist.");
            return 2;
        }

        var input = Path.Combine(Path.GetTempPath(), $"eventsync-classify-{lines}.jsonl");
        WriteInput(input, lines);
        Console.WriteLine($"{lines:N0} lines, {new FileInfo(input).Length / (1024 * 1024):N0} MiB, {Environment.ProcessorCount} cores; {cli}");
        for (var run = 1; run <= runs; run++)
        {
            var (elapsed, written) = await ClassifyAsync(cli, input);
            Console.WriteLine($"run {run}: {elapsed.TotalSeconds:F2} s, {lines / elapsed.TotalSeconds:N0} lines/s, {written:N0} lines written");
        }

        File.Delete(input);
        return 0;
    }

    private static void WriteInput(string path, int lines)
    {
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Corpus"), "*.jsonl")
            .SelectMany(File.ReadLines)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => JsonNode.Parse(l)!["event"]!.AsObject())
            .ToArray();
        using var writer = new StreamWriter(path);
        for (var i = 0; i < lines; i++)
        {
            var failure = corpus[i % corpus.Length];
            failure["eventId"] = i.ToString("x8", CultureInfo.InvariantCulture);
            writer.WriteLine(failure.ToJsonString(JsonSerializerOptions.Default));
        }
    }

    private static async Task<(TimeSpan Elapsed, long Written)> ClassifyAsync(string cli, string input)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { cli, "classify", "--input", input })
        {
            start.ArgumentList.Add(argument);
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        var written = 0L;
        var buffer = new byte[1 << 16];
        var output = process.StandardOutput.BaseStream;
        int read;
        while ((read = await output.ReadAsync(buffer)) > 0)
        {
            written += buffer.AsSpan(0, read).Count((byte)'\n');
        }

        await process.WaitForExitAsync();
        stopwatch.Stop();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"classify exited with {process.ExitCode}: {await errors}");
        }

        return (stopwatch.Elapsed, written);
    }

    private static string DefaultCliPath() =>
        Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "..", "services", "EventSync.Cli", "bin", "Release", "net10.0", "eventsync.dll"));

    private static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() is { } value ? int.Parse(value, CultureInfo.InvariantCulture) : fallback;
}

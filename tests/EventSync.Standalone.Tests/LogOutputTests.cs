using System.Text.Json;
using EventSync.Classifier.Tests.Infrastructure;
using EventSync.Standalone.Tests.Infrastructure;

namespace EventSync.Standalone.Tests;

/// <summary>
/// The real process's console: one compact JSON object a line when JSON is asked for, and no password of the broker or
/// store even while it logs its failures to reach them (the addresses it logs carry no credentials).
/// </summary>
public sealed class LogOutputTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Should_write_compact_json_lines_without_the_password_when_the_broker_address_holds_one()
    {
        using var work = new TemporaryDataDir();
        Directory.CreateDirectory(work.Path);
        var password = $"pw-{Guid.NewGuid():N}";
        var brokerPort = FreePorts.Next();
        await using var process = StandaloneProcess.Start(
            work.Path,
            "--urls",
            $"http://127.0.0.1:{FreePorts.Next()}",
            $"--EventSync:DataDir={Path.Combine(work.Path, "data")}",
            "--EventSync:Logging:Format=json",
            $"--ConnectionStrings:rabbitmq=amqp://eventsync:{password}@127.0.0.1:{brokerPort}/");

        await Eventually.HoldsAsync(
            () => Task.FromResult(process.Output.Contains("Connection Failed", StringComparison.Ordinal) || process.HasExited),
            Deadline,
            "the host logs that it cannot reach the broker");
        await process.KillAsync();

        var output = process.Output;
        Assert.Contains($"127.0.0.1:{brokerPort}", output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        AssertCompactJsonLines(output);
    }

    [Fact]
    public async Task Should_log_the_failed_start_as_json_without_the_password_when_the_store_address_holds_one()
    {
        using var work = new TemporaryDataDir();
        Directory.CreateDirectory(work.Path);
        var password = $"pw-{Guid.NewGuid():N}";
        await using var process = StandaloneProcess.Start(
            work.Path,
            "--urls",
            $"http://127.0.0.1:{FreePorts.Next()}",
            "--EventSync:Logging:Format=json",
            $"--ConnectionStrings:mongodb=mongodb://eventsync:{password}@127.0.0.1:{FreePorts.Next()}/eventsync?serverSelectionTimeoutMS=1000");

        await Eventually.HoldsAsync(() => Task.FromResult(process.HasExited), Deadline, "the host gives up when the store cannot be reached");
        await process.KillAsync();

        var output = process.Output;
        Assert.Contains("The EventSync host stopped unexpectedly", output, StringComparison.Ordinal);
        Assert.DoesNotContain(password, output, StringComparison.Ordinal);
        AssertCompactJsonLines(output);
    }

    private static void AssertCompactJsonLines(string output) =>
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("@t", out _), $"No timestamp: {line}");
            Assert.True(json.RootElement.TryGetProperty("@mt", out _), $"No message template: {line}");
        });
}

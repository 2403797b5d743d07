using System.Text.Json;
using EventSync.ServiceDefaults.Observability;
using EventSync.Standalone.Tests.Infrastructure;
using EventSync.Testing;
using EventSync.Testing.Hosts;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Extensions.Logging;

namespace EventSync.Standalone.Tests;

/// <summary>
/// The real process's console: one compact JSON object a line when JSON is asked for, and no password of the broker or
/// store even while it logs its failures to reach them (the addresses it logs carry no credentials); in text, one line per
/// event whatever the values it names.
/// </summary>
public sealed class LogOutputTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static readonly Action<Microsoft.Extensions.Logging.ILogger, string, string, string?, string, Exception?> RecordSynced =
        LoggerMessage.Define<string, string, string?, string>(LogLevel.Information, default, "Record {ObjectType} {HubSpotId}/{SalesforceId} of {TenantId} synced");

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

    [Theory]
    [InlineData("701\n[10:15:00 ERR] Forged: all records deleted")]
    [InlineData("701\r[10:15:00 ERR] Forged: all records deleted")]
    [InlineData("701\r\n[10:15:00 ERR] Forged: all records deleted")]
    [InlineData("701\t\u001b[2K\r[10:15:00 ERR] Forged: all records deleted")]
    public void Should_write_one_text_line_per_event_when_a_logged_value_holds_a_line_break(string hubSpotId)
    {
        using var output = new StringWriter();
        using (var serilog = new LoggerConfiguration().WriteTo.Sink(new TextSink(LogFormat.TextFormatter(), output)).CreateLogger())
        using (var factory = new SerilogLoggerFactory(serilog))
        {
            RecordSynced(factory.CreateLogger("EventSync.Resync"), "contact", hubSpotId, null, "portal-4711", null);
            serilog.Information("Events {EventIds} recorded", new[] { hubSpotId });
        }

        var lines = output.ToString().Split(["\r\n", "\n", "\r"], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\[\d\d:\d\d:\d\d INF\] ", line));
        Assert.DoesNotContain(lines, line => line.StartsWith("[10:15:00 ERR]", StringComparison.Ordinal));
        Assert.Contains("\"contact\"", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain(output.ToString(), c => char.IsControl(c) && c is not '\r' and not '\n');
    }

    private static void AssertCompactJsonLines(string output) =>
        Assert.All(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), line =>
        {
            using var json = JsonDocument.Parse(line);
            Assert.True(json.RootElement.TryGetProperty("@t", out _), $"No timestamp: {line}");
            Assert.True(json.RootElement.TryGetProperty("@mt", out _), $"No message template: {line}");
        });

    /// <summary>The configured text format, written to a <see cref="TextWriter"/> instead of the console.</summary>
    private sealed class TextSink(Serilog.Formatting.ITextFormatter formatter, TextWriter output) : Serilog.Core.ILogEventSink
    {
        public void Emit(Serilog.Events.LogEvent logEvent) => formatter.Format(logEvent, output);
    }
}

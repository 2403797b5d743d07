using System.Text.Json;
using EventSync.Testing.Tools;

namespace EventSync.Cli.Tests;

public sealed class ClassifyCommandTests
{
    [Fact]
    public async Task Should_write_one_line_per_good_event_in_order_and_report_bad_lines_with_their_numbers()
    {
        var run = await CliRun.Of("classify", "--input", CliRun.File("Files/mixed-lines.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(["evt-1", "evt-4", "evt-7"], run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString()));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 2: invalid JSON", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 3: ", StringComparison.Ordinal) && l.Contains("eventId", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 6: errors:", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 7: source:", StringComparison.Ordinal) && l.Contains("marketo", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 9: invalid JSON at $.errors[0].statusCode", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 10: invalid JSON", StringComparison.Ordinal));
        Assert.DoesNotContain(run.ErrorLines, l => l.StartsWith("line 4:", StringComparison.Ordinal));
        Assert.Contains("3 classified, 6 rejected.", run.ErrorLines);
    }

    [Fact]
    public async Task Should_give_the_first_errors_classification_on_top_and_every_error_below()
    {
        var run = await CliRun.Of("classify", "--input", CliRun.File("Files/mixed-lines.jsonl"));

        var line = JsonDocument.Parse(run.OutputLines[2]).RootElement;
        Assert.Equal("transient", line.GetProperty("category").GetString());
        Assert.Equal("lock-contention", line.GetProperty("errorType").GetString());
        Assert.True(line.GetProperty("retryable").GetBoolean());
        Assert.Equal("sf.lock-row", line.GetProperty("ruleId").GetString());
        Assert.Matches("^[0-9a-f]{16}$", line.GetProperty("fingerprint").GetString());
        var errors = line.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["lock-contention", "string-too-long"], errors.Select(e => e.GetProperty("errorType").GetString()));
        Assert.Equal(line.GetProperty("fingerprint").GetString(), errors[0].GetProperty("fingerprint").GetString());
        Assert.False(errors[1].GetProperty("retryable").GetBoolean());
    }

    [Fact]
    public async Task Should_read_standard_input_when_the_input_is_a_dash()
    {
        const string events = """
            {"eventId":"a","tenantId":"t","source":"salesforce","errors":[{"raw":"DUPLICATES_DETECTED:Use one of these records?: --"}]}
            {"eventId":"b","tenantId":"t","source":"hubspot","errors":[{"category":"RATE_LIMITS","message":"You have reached your secondly limit."}]}
            """;

        var run = await CliRun.WithInput(events, "classify", "--input", "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Errors);
        Assert.Equal(["salesforce-duplicate-rule", "api-limit"], run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("errorType").GetString()));
    }

    [Fact]
    public async Task Should_say_which_rule_decided_on_which_code_and_words_when_asked_to_explain()
    {
        const string events = """
            {"eventId":"a","tenantId":"t","source":"salesforce","errors":[{"statusCode":"PROCESSING_HALTED","message":"The batch ran past its time limit"}]}
            """;

        var run = await CliRun.WithInput(events, "classify", "--explain");

        Assert.Equal(0, run.ExitCode);
        var explanation = JsonDocument.Parse(Assert.Single(run.OutputLines)).RootElement.GetProperty("errors")[0].GetProperty("explanation");
        Assert.Equal("sf.processing-halted-time-limit", explanation.GetProperty("ruleId").GetString());
        Assert.Equal("PROCESSING_HALTED", explanation.GetProperty("code").GetString());
        Assert.Equal("time limit", explanation.GetProperty("words").GetString());
        Assert.Contains(explanation.GetProperty("nearRules").EnumerateArray(), r => r.GetProperty("ruleId").GetString() == "sf.processing-halted");
    }

    [Fact]
    public async Task Should_keep_lines_in_order_and_count_line_numbers_across_chunks_when_the_input_is_larger_than_a_chunk()
    {
        var line = """{"eventId":"e","tenantId":"t","source":"salesforce","errors":[{"raw":"DUPLICATES_DETECTED:Use one of these records?: --"}]}""";
        var lines = Enumerable.Range(1, 20_000).Select(i => i % 5_000 == 0 ? "not json" : line.Replace("\"e\"", $"\"e{i}\"", StringComparison.Ordinal));
        var input = "\uFEFF" + string.Join("\r\n", lines);

        var run = await CliRun.WithInput(input, "classify");

        Assert.Equal(1, run.ExitCode);
        var expected = Enumerable.Range(1, 20_000).Where(i => i % 5_000 != 0).Select(i => $"e{i}");
        Assert.Equal(expected, run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString()));
        Assert.Equal(["line 5000", "line 10000", "line 15000", "line 20000"], run.ErrorLines.Take(4).Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.Contains("19996 classified, 4 rejected.", run.ErrorLines);
    }

    [Fact]
    public async Task Should_classify_every_line_of_the_shipped_sample()
    {
        var sample = CliRun.File("samples/failures.jsonl");

        var run = await CliRun.Of("classify", "-i", sample);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadLines(sample).Count(l => !string.IsNullOrWhiteSpace(l)), run.OutputLines.Length);
    }

    [Fact]
    public async Task Should_say_so_and_exit_with_2_when_the_file_does_not_exist()
    {
        var run = await CliRun.Of("classify", "--input", "no-such-file.jsonl");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("'no-such-file.jsonl' does not exist", run.Errors, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }
}

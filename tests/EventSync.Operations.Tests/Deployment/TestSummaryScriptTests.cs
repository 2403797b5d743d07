using System.Diagnostics;
using EventSync.Operations.Tests.Infrastructure;

namespace EventSync.Operations.Tests.Deployment;

/// <summary>
/// <c>infra/summarize-trx.sh</c> ends every test run: it names each failed test with its message, because only the
/// end of a long log is read, and its last line is the run's count.
/// </summary>
public sealed class TestSummaryScriptTests : IDisposable
{
    private readonly string _results = Directory.CreateTempSubdirectory("eventsync-trx-").FullName;

    [Fact]
    public async Task Should_name_each_failed_test_with_its_message_and_end_with_the_counts_when_tests_failed()
    {
        await File.WriteAllTextAsync(Path.Combine(_results, "a.trx"), """
            <TestRun>
              <Results>
                <UnitTestResult executionId="1" testId="2" testName="A.B.Should_hold(value: &quot;x&quot;)" outcome="Failed" testListId="3">
                  <Output><ErrorInfo><Message>Assert.Equal() Failure: Values differ
            Expected: 1</Message></ErrorInfo></Output>
                </UnitTestResult>
                <UnitTestResult executionId="4" testId="5" testName="A.B.Should_pass" outcome="Passed" testListId="3">
                </UnitTestResult>
              </Results>
              <ResultSummary outcome="Failed"><Counters total="4" executed="3" passed="2" failed="1" error="0" /></ResultSummary>
            </TestRun>
            """, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(_results, "b.trx"), """
            <TestRun><ResultSummary outcome="Completed"><Counters total="5" executed="5" passed="5" failed="0" /></ResultSummary></TestRun>
            """, TestContext.Current.CancellationToken);

        var lines = await Summarize();

        Assert.Equal("FAILED A.B.Should_hold(value: \"x\"): Assert.Equal() Failure: Values differ", Assert.Single(lines, l => l.StartsWith("FAILED", StringComparison.Ordinal)));
        Assert.Equal("7 passed, 1 failed, 1 skipped", lines[^1]);
    }

    [Fact]
    public async Task Should_count_a_failure_when_no_results_were_written()
    {
        var lines = await Summarize();

        Assert.Equal("0 passed, 1 failed, 0 skipped", lines[^1]);
    }

    public void Dispose() => Directory.Delete(_results, recursive: true);

    private async Task<string[]> Summarize()
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, ArgumentList = { Repository.PathOf("infra/summarize-trx.sh"), _results } };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}

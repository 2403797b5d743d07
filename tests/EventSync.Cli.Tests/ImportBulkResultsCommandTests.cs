using System.Text.Json;
using EventSync.Testing.Tools;

namespace EventSync.Cli.Tests;

public sealed class ImportBulkResultsCommandTests
{
    [Fact]
    public async Task Should_turn_every_row_of_the_sample_into_a_failure_event_that_classifies()
    {
        var csv = CliRun.File("samples/bulk-failed-results.csv");

        var import = await CliRun.Of("import-bulk-results", csv, "--tenant", "portal-4711", "--object", "contact", "--engine", "sf-sync-eu-1");
        var classify = await CliRun.WithInput(import.Output, "classify");

        Assert.Equal(0, import.ExitCode);
        Assert.Equal("", import.Errors);
        Assert.Equal(12, import.OutputLines.Length);
        var first = JsonDocument.Parse(import.OutputLines[0]).RootElement;
        Assert.Equal("portal-4711", first.GetProperty("tenantId").GetString());
        Assert.Equal("contact", first.GetProperty("objectType").GetString());
        Assert.Equal("sf-sync-eu-1", first.GetProperty("engineId").GetString());
        Assert.Equal("salesforce", first.GetProperty("source").GetString());
        Assert.Equal(0, classify.ExitCode);
        Assert.Equal(12, classify.OutputLines.Length);
        Assert.DoesNotContain(classify.OutputLines, l => JsonDocument.Parse(l).RootElement.GetProperty("errorType").GetString() == "unknown");
    }

    [Fact]
    public async Task Should_give_the_same_event_ids_when_the_same_file_is_imported_twice()
    {
        var csv = CliRun.File("samples/bulk-failed-results.csv");

        var first = await CliRun.Of("import-bulk-results", csv, "--tenant", "portal-4711", "--object", "contact");
        var second = await CliRun.Of("import-bulk-results", csv, "--tenant", "portal-4711", "--object", "contact");
        var otherTenant = await CliRun.Of("import-bulk-results", csv, "--tenant", "portal-9", "--object", "contact");

        Assert.Equal(EventIds(first), EventIds(second));
        Assert.Equal(12, EventIds(first).Distinct().Count());
        Assert.Empty(EventIds(first).Intersect(EventIds(otherTenant)));
    }

    [Fact]
    public async Task Should_report_bad_rows_with_their_line_numbers_and_import_the_rest()
    {
        var run = await CliRun.Of("import-bulk-results", CliRun.File("Files/bad-rows.csv"), "--tenant", "t", "--object", "contact");

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(2, run.OutputLines.Length);
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 3: expected 5 columns", StringComparison.Ordinal));
        Assert.Contains(run.ErrorLines, l => l.StartsWith("line 4: the sf__Error cell is empty", StringComparison.Ordinal));
        var salesforceIds = run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement).Select(e => e.TryGetProperty("salesforceId", out var id) ? id.GetString() : null);
        Assert.All(salesforceIds, Assert.Null);
    }

    [Fact]
    public async Task Should_refuse_a_file_without_the_bulk_api_columns()
    {
        var file = Path.Combine(Path.GetTempPath(), $"eventsync-{Guid.NewGuid()}.csv");
        await File.WriteAllTextAsync(file, "Id,Error\n1,x\n", TestContext.Current.CancellationToken);

        var run = await CliRun.Of("import-bulk-results", file, "--tenant", "t", "--object", "contact");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("line 1: the header must hold the columns sf__Id and sf__Error", run.Errors, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Should_require_the_tenant_and_the_object()
    {
        var run = await CliRun.Of("import-bulk-results", CliRun.File("samples/bulk-failed-results.csv"));

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("--tenant", run.Errors, StringComparison.Ordinal);
        Assert.Contains("--object", run.Errors, StringComparison.Ordinal);
    }

    private static string[] EventIds(CliRun run) =>
        run.OutputLines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("eventId").GetString()!).ToArray();
}

using System.Globalization;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>The store-scale result as console tables, beside the goals of the issue.</summary>
internal static class StoreScaleTables
{
    public static void Write(StoreScaleResult result)
    {
        AnsiConsole.MarkupLineInterpolated($"[bold]{result.Machine}[/]; load average {result.LoadAverageAtStart} at start, {result.LoadAverageAtEnd} at end");
        AnsiConsole.MarkupLineInterpolated($"embedded store (SQLite): {result.StoredErrors:N0} errors of {result.TenantId}, file {result.StoreFileMiB:N0} MiB");
        if (result.Fill is { } fill)
        {
            AnsiConsole.MarkupLineInterpolated(
                $"fill: {fill.Errors:N0} errors ({fill.Events:N0} events, {fill.Chunk:N0} a bulk RecordAsync) in {fill.Seconds:N0} s = [bold]{fill.ErrorsPerSecond:N0} errors/s[/] (load {fill.LoadAverage})");
        }

        var table = new Table().Title("Reads at scale (ms; goal: summary under 100 ms)")
            .AddColumns("where", "operation", "first (cold)", "median warm", "best warm", "returned", "load average");
        foreach (var timing in result.InProcess)
        {
            table.AddRow("store, in process", timing.Operation, M(timing.First), M(timing.MedianWarm), M(timing.BestWarm), timing.Detail, timing.LoadAverage);
        }

        foreach (var timing in result.OverHttp)
        {
            table.AddRow("API over HTTP", timing.Operation, M(timing.First), M(timing.MedianWarm), M(timing.BestWarm), timing.Detail, timing.LoadAverage);
        }

        AnsiConsole.Write(table);
        var export = result.Export;
        AnsiConsole.MarkupLineInterpolated(
            $"CSV export over HTTP: {export.Rows:N0} rows, {export.Bytes / 1024.0 / 1024.0:N0} MiB in {export.Seconds:N1} s ({export.RowsPerSecond:N0} rows/s), first byte after {export.FirstByteMs:N0} ms (load {export.LoadAverage})");
        AnsiConsole.MarkupLineInterpolated(
            $"host memory while exporting: {result.ApiMemoryBeforeExportMiB:N0} MiB before, {export.MinResidentMiB:N0}-{export.MaxResidentMiB:N0} MiB during ({export.ResidentMiB.Count} samples), peak VmHWM {export.PeakMiB:N0} MiB");
        AnsiConsole.MarkupLineInterpolated($"memory by tenth of the export: {string.Join(" ", Tenths(export.ResidentMiB).Select(m => m.ToString("N0", CultureInfo.InvariantCulture)))} MiB");
    }

    private static IEnumerable<double> Tenths(IReadOnlyList<double> samples) =>
        samples.Count == 0 ? [] : Enumerable.Range(0, 10).Select(i => samples[Math.Min(samples.Count - 1, i * samples.Count / 10)]).Append(samples[^1]);

    private static string M(double value) => value.ToString("N1", CultureInfo.InvariantCulture);
}

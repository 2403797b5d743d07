using System.Globalization;
using EventSync.Core.Errors;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Pipeline.Benchmarks.Reporting;
using EventSync.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>
/// The embedded store at scale: fill it (bulk RecordAsync, timed), time the summary and the first pages on the store in
/// this process, then close it and measure the same through the real API (the standalone host as a child process over
/// that data dir), streaming the whole CSV export while sampling the host's memory.
/// </summary>
internal static class StoreScaleRun
{
    private const int PageSize = 50;

    public static async Task<StoreScaleResult> RunAsync(StoreScaleSettings settings, CancellationToken cancellationToken)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var loadAtStart = LoadAverage.Read();
        using var temporary = settings.DataDir is null ? new TemporaryFolder("bench-store") : null;
        var dataDir = settings.DataDir ?? temporary!.Path;

        FillResult? fill = null;
        List<Timing> inProcess;
        string busiestType;
        using (var context = new SqliteStoreContext(Options.Create(new SqliteStoreOptions { DataDir = dataDir })))
        {
            await new SqliteStoreLifecycle(context).InitializeAsync(cancellationToken);
            var store = new SqliteSyncErrorStore(context);
            if (!settings.SkipFill)
            {
                Say($"filling {dataDir} with {settings.Errors:N0} errors of {settings.TenantId}, {settings.Chunk:N0} events a bulk write");
                fill = await StoreFiller.FillAsync(store, settings.TenantId, settings.Errors, settings.Chunk, TimeSpan.FromDays(30), cancellationToken);
                Say($"filled: {fill.ErrorsPerSecond:N0} errors/s (load {fill.LoadAverage})");
                if (settings.Tied > 0)
                {
                    Say($"filling {settings.Tied:N0} errors of {settings.TiedTenantId}, all last seen at the same instant");
                    var tied = await StoreFiller.FillAsync(store, settings.TiedTenantId, settings.Tied, settings.Chunk, TimeSpan.Zero, cancellationToken);
                    Say($"filled: {tied.ErrorsPerSecond:N0} errors/s (load {tied.LoadAverage})");
                }
            }

            var cards = await store.GetErrorCardsAsync(settings.TenantId, cancellationToken);
            busiestType = cards.Count > 0 ? cards[0].ErrorType : "invalid-email";
            inProcess = await TimeInProcessAsync(store, new SqliteSyncErrorQueries(context), settings, busiestType, cancellationToken);
        }

        var fileMiB = new FileInfo(Path.Combine(dataDir, SqliteStoreContext.FileName)).Length / 1024.0 / 1024.0;
        await using var api = await StandaloneApi.StartAsync(dataDir, cancellationToken);
        var tenant = $"api/tenants/{Uri.EscapeDataString(settings.TenantId)}";
        // The export first, on a fresh host: its memory is then the export's, not what the summary left behind.
        var memoryBefore = ProcessMemory.ResidentMiB(api.ProcessId);
        var export = await CsvExportReader.ReadAsync(api, $"{tenant}/errors/export.csv", cancellationToken);
        Say($"export: {export.Rows:N0} rows in {export.Seconds:N1} s, host memory {memoryBefore:N0} MiB before, {export.MinResidentMiB:N0}-{export.MaxResidentMiB:N0} MiB during");
        var overHttp = new List<Timing>
        {
            await Timer.TimeAsync("GET errors (first page)", settings.Runs, () => GetAsync(api, $"{tenant}/errors")),
            await Timer.TimeAsync($"GET errors?errorType={busiestType} (first page)", settings.Runs, () => GetAsync(api, $"{tenant}/errors?errorType={busiestType}")),
            await Timer.TimeAsync("GET sync-health", settings.Runs, () => GetAsync(api, $"{tenant}/sync-health")),
        };
        Say($"over HTTP: sync-health {overHttp[^1].MedianWarm:N0} ms");

        return new StoreScaleResult(
            startedAt, MachineInfo.Current(), loadAtStart, LoadAverage.Read(), settings.TenantId, export.Rows, fileMiB,
            fill, inProcess, overHttp, export, memoryBefore);
    }

    private static async Task<List<Timing>> TimeInProcessAsync(SqliteSyncErrorStore store, SqliteSyncErrorQueries queries, StoreScaleSettings settings, string busiestType, CancellationToken cancellationToken)
    {
        var all = new ErrorQuery(settings.TenantId);
        var ofType = all with { ErrorType = busiestType };
        return
        [
            await Timer.TimeAsync("GetErrorCardsAsync (sync-health summary)", settings.Runs, async () =>
            {
                var cards = await store.GetErrorCardsAsync(settings.TenantId, cancellationToken);
                return $"{cards.Count} cards, {cards.Sum(c => c.CurrentErrors):N0} current errors";
            }),
            await Timer.TimeAsync($"ListAsync first page of {PageSize}", settings.Runs, async () =>
                $"{(await queries.ListAsync(all, null, PageSize, cancellationToken)).Errors.Count} errors"),
            await Timer.TimeAsync($"ListAsync first page of {PageSize}, errorType={busiestType}", settings.Runs, async () =>
                $"{(await queries.ListAsync(ofType, null, PageSize, cancellationToken)).Errors.Count} errors"),
            .. settings.Tied > 0 ? [await TimeTiedPageAsync(queries, settings, cancellationToken)] : Array.Empty<Timing>(),
        ];
    }

    // The page after a cursor in the middle of errors all last seen at one instant: the keyset (last seen, id) starts
    // there, whatever the number of ties before it (an id half-way through the hex range is about half-way through them).
    private static async Task<Timing> TimeTiedPageAsync(SqliteSyncErrorQueries queries, StoreScaleSettings settings, CancellationToken cancellationToken)
    {
        var tied = new ErrorQuery(settings.TiedTenantId);
        var first = await queries.ListAsync(tied, null, 1, cancellationToken);
        if (first.Errors.Count == 0)
        {
            return await Timer.TimeAsync($"ListAsync page of {PageSize} in the middle of tied errors", settings.Runs, () => Task.FromResult("no tied errors stored"));
        }

        var middle = new ErrorPageCursor(first.Errors[0].LastSeen, "8" + new string('0', first.Errors[0].Id.Length - 1));
        return await Timer.TimeAsync($"ListAsync page of {PageSize} after the middle of {settings.Tied:N0} tied errors", settings.Runs, async () =>
        {
            var page = await queries.ListAsync(tied, middle, PageSize, cancellationToken);
            return $"{page.Errors.Count} errors, from id {page.Errors[0].Id[..6]}…";
        });
    }

    private static async Task<string> GetAsync(StandaloneApi api, string path)
    {
        using var response = await api.Http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        return response.IsSuccessStatusCode
            ? $"{(int)response.StatusCode}, {body.Length.ToString("N0", CultureInfo.InvariantCulture)} bytes"
            : throw new HttpRequestException($"GET {path}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(body)}");
    }

    private static void Say(string line) =>
        AnsiConsole.MarkupLineInterpolated($"[grey]{DateTime.UtcNow:HH:mm:ss}[/] {line}");
}

using System.Diagnostics;
using EventSync.Pipeline.Benchmarks.Infrastructure;

namespace EventSync.Pipeline.Benchmarks.StoreScale;

/// <summary>Downloads the CSV export to the end, counting bytes and rows (line breaks outside quotes), keeping nothing.</summary>
internal static class CsvExportReader
{
    public static async Task<ExportResult> ReadAsync(StandaloneApi api, string path, CancellationToken cancellationToken)
    {
        await using var sampler = new MemorySampler(api.ProcessId, TimeSpan.FromMilliseconds(250));
        var start = Stopwatch.GetTimestamp();
        using var response = await api.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        response.EnsureSuccessStatusCode();
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[64 * 1024];
        long bytes = 0;
        long lines = 0;
        var quoted = false;
        double? firstByteMs = null;
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            firstByteMs ??= Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            bytes += read;
            foreach (var b in buffer.AsSpan(0, read))
            {
                if (b == (byte)'"')
                {
                    quoted = !quoted;
                }
                else if (b == (byte)'\n' && !quoted)
                {
                    lines++;
                }
            }
        }

        var seconds = Stopwatch.GetElapsedTime(start).TotalSeconds;
        await sampler.DisposeAsync();
        // The first line is the header.
        return new ExportResult(lines - 1, bytes, seconds, firstByteMs ?? double.NaN, sampler.Samples, ProcessMemory.PeakMiB(api.ProcessId), LoadAverage.Read());
    }
}

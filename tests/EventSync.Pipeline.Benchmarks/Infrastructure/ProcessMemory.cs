using System.Globalization;

namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>A process's resident memory from <c>/proc/{pid}/status</c>: now (VmRSS) and at its peak (VmHWM), in MiB.</summary>
internal static class ProcessMemory
{
    public static double? PeakMiB(int processId) => Read(processId, "VmHWM:");

    public static double? ResidentMiB(int processId) => Read(processId, "VmRSS:");

    /// <summary>What the resident memory is now: private (RssAnon), mapped files (RssFile) and shared memory (RssShmem).</summary>
    public static ResidentParts? Parts(int processId) =>
        Read(processId, "RssAnon:") is { } anonymous && Read(processId, "RssFile:") is { } files && Read(processId, "RssShmem:") is { } shared
            ? new ResidentParts(anonymous, files, shared)
            : null;

    private static double? Read(int processId, string field)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kib = line?[field.Length..].Trim().Split(' ')[0];
            return kib is null ? null : long.Parse(kib, CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

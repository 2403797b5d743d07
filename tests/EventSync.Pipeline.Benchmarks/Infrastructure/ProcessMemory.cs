using System.Globalization;

namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>A process's resident memory from <c>/proc/{pid}/status</c>: now (VmRSS) and at its peak (VmHWM), in MiB.</summary>
internal static class ProcessMemory
{
    public static double? PeakMiB(int processId) => Read(processId, "VmHWM:");

    public static double? ResidentMiB(int processId) => Read(processId, "VmRSS:");

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

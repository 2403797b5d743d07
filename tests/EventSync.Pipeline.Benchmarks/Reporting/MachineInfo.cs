using System.Runtime.InteropServices;

namespace EventSync.Pipeline.Benchmarks.Reporting;

/// <summary>What the figures were measured on.</summary>
internal sealed record MachineInfo(string Processor, int Cores, string OperatingSystem, string Runtime)
{
    public static MachineInfo Current() =>
        new(ProcessorName(), Environment.ProcessorCount, RuntimeInformation.OSDescription, RuntimeInformation.FrameworkDescription);

    public override string ToString() => $"{Processor}, {Cores} cores, {OperatingSystem}, {Runtime}";

    private static string ProcessorName() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown"
            : "unknown";
}

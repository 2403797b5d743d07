using System.Globalization;

namespace EventSync.Pipeline.Benchmarks.Infrastructure;

/// <summary>
/// CPU time a process has used (user + system, from <c>/proc/{pid}/stat</c>): unlike wall time, it hardly depends on
/// how busy the rest of the machine is.
/// </summary>
internal static class ProcessCpu
{
    private const double TicksPerSecond = 100;

    public static double? Seconds(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId}/stat");
            // Fields after the command name (which is in parentheses and may hold spaces): utime and stime are 14th and 15th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
        }
        catch (IOException)
        {
            return null;
        }
    }
}

using System.Globalization;
using System.Text;

namespace EventSync.Cli.Errors;

/// <summary>
/// The headers a requeued message carries: MassTransit's fault headers (<c>MT-Fault-*</c>, <c>MT-Reason</c>, the faulting
/// host's <c>MT-Host-*</c>) go, so a new failure is described afresh; <see cref="RequeueCount"/> counts the requeues.
/// </summary>
internal static class RequeuedHeaders
{
    public const string RequeueCount = "EventSync-Requeue-Count";

    private static readonly string[] DroppedPrefixes = ["MT-Fault-", "MT-Host-"];
    private static readonly string[] DroppedNames = ["MT-Reason", "x-dotnet-pub-seq-no"];

    public static Dictionary<string, object?> Clean(IDictionary<string, object?>? headers)
    {
        var cleaned = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in headers ?? new Dictionary<string, object?>())
        {
            if (!IsFaultHeader(name) && name != RequeueCount)
            {
                cleaned[name] = value;
            }
        }

        cleaned[RequeueCount] = CountOf(headers) + 1;
        return cleaned;
    }

    public static bool IsFaultHeader(string name) =>
        DroppedNames.Contains(name, StringComparer.Ordinal)
        || DroppedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.Ordinal));

    private static long CountOf(IDictionary<string, object?>? headers) =>
        headers?.TryGetValue(RequeueCount, out var value) == true
            ? value switch
            {
                int count => count,
                long count => count,
                byte[] text when long.TryParse(Encoding.UTF8.GetString(text), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) => count,
                _ => 0,
            }
            : 0;
}

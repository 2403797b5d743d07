using System.Globalization;
using System.Text.Json;
using EventSync.Pipeline.Benchmarks.Infrastructure;
using EventSync.Testing.Hosts;

namespace EventSync.Pipeline.Benchmarks.Reporting;

/// <summary>Writes a machine-readable result to <c>results/{kind}-{UTC time}.json</c> beside this project.</summary>
internal static class ResultFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string Write<T>(string kind, T result)
    {
        var folder = Path.Combine(RepositoryPaths.Project, "results");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{kind}-{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)}.json");
        File.WriteAllText(path, JsonSerializer.Serialize(result, Options));
        return Path.GetRelativePath(ServiceBuildOutput.Repository, path);
    }
}

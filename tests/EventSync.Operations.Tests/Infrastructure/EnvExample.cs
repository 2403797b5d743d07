namespace EventSync.Operations.Tests.Infrastructure;

/// <summary>The variables of <c>.env.example</c>: NAME=value lines, comments and blank lines skipped.</summary>
public static class EnvExample
{
    public const string FileName = ".env.example";

    public static IReadOnlyDictionary<string, string> Load() =>
        Repository.Read(FileName)
            .Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(parts => parts[0], parts => parts.Length > 1 ? parts[1] : "", StringComparer.Ordinal);
}
